/**
 * The workload under the cursor, for navigation and the workload hover: only on
 * the places that say which pods these are (the kind, the name, the pod labels),
 * so a definition request on `image:` or `replicas:` does not jump to policies.
 */
import type { Span } from '../../model/types';
import { readWorkload, type WorkloadObject } from '../../model/workloads';
import type { FileAnalysis } from '../file-analysis';

export interface WorkloadHit {
  readonly workload: WorkloadObject;
  /** The kind, name, or pod label key or value under the cursor. */
  readonly span: Span;
}

export function workloadAt(analysis: FileAnalysis, offset: number): WorkloadHit | undefined {
  const inside = (span: Span | undefined): boolean => span !== undefined && span.start <= offset && offset <= span.end;
  for (const ref of analysis.objects) {
    if (!inside(ref.node.span)) continue;
    const workload = readWorkload(ref);
    if (!workload) return undefined;
    const parts = [ref.kind?.span, workload.name.span, ...workload.podLabels.flatMap((l) => [l.key.span, l.value.span])];
    const span = parts.find(inside);
    return span ? { workload, span } : undefined;
  }
  return undefined;
}
