/** Findings for one cluster-wide policy, with the data quick fixes and the one validity decision (analysis/rejections.ts) need. */
import { finding, type Finding, type Severity } from '../../../core/finding';
import type { Span } from '../../../core/parse/yaml-tree';
import type { ClusterPolicy } from '../model/types';

export type Report = (code: string, severity: Severity, message: string, span: Span, extra?: Record<string, unknown>) => Finding;

export function reporter(policy: ClusterPolicy): Report {
  const { ref } = policy;
  return (code, severity, message, span, extra = {}) =>
    finding(code, severity, message, span, { data: { docIndex: ref.docIndex, ...(ref.listIndex !== undefined && { listIndex: ref.listIndex }), kind: policy.kind, ...extra } });
}
