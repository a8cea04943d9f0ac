/**
 * The interface every Calico check implements, as the Kubernetes checks do: one
 * small check per file, each a pure function from a policy (plus its file) to findings.
 */
import type { ParsedFile, Span } from '../../parse/yaml-tree';
import { finding, type Finding, type FindingData, type Severity } from '../../analysis/finding';
import type { CalicoPolicy } from '../model/types';

export interface CalicoCheckContext {
  readonly file: ParsedFile;
  /** Every Calico policy of the file, for checks that compare policies. */
  readonly policies: readonly CalicoPolicy[];
}

export interface CalicoCheck {
  /** Short name, used in tests and logs. */
  readonly id: string;
  /**
   * True when the check compares its policy with the file's other Calico
   * policies (context.policies), as the ordering and DNS checks do: its findings
   * cannot be reused for a document an edit did not touch.
   */
  readonly crossDocument?: boolean;
  run(policy: CalicoPolicy, context: CalicoCheckContext): Finding[];
}

/** The data every Calico finding carries, so a quick fix can find its object again. */
export function policyData(policy: CalicoPolicy, extra: Record<string, unknown> = {}): FindingData {
  const { ref } = policy;
  return { docIndex: ref.docIndex, ...(ref.listIndex !== undefined && { listIndex: ref.listIndex }), kind: policy.kind, ...extra };
}

/** Builds findings for one policy with its data already attached. */
export function reporter(policy: CalicoPolicy): (code: string, severity: Severity, message: string, span: Span, extra?: Record<string, unknown>) => Finding {
  return (code, severity, message, span, extra = {}) => finding(code, severity, message, span, { data: policyData(policy, extra) });
}
