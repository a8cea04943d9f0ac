/**
 * What the cursor is on, for Go to Definition and Find References: a policy (or
 * its podSelector), a rule, a peer, a namespaceSelector, a Calico selector, or a
 * workload whose pods policies may select.
 */
import { selectorAt, type PlacedSelector } from '../../dialects/calico/model/selectors';
import type { CalicoPolicy } from '../../dialects/calico/model/types';
import type { NetworkPolicy, Peer, PolicyRule, Span } from '../../model/types';
import type { WorkloadObject } from '../../model/workloads';
import type { FileAnalysis } from '../analyze-file';
import { locate } from '../../dialects/kubernetes/explain/locate';
import { workloadAt } from './workload-at';

export type NavTarget =
  /** The policy itself or its spec.podSelector: the pods it selects. */
  | { readonly kind: 'policy'; readonly policy: NetworkPolicy; readonly span: Span }
  /** A rule, or its `from`/`to` list: every pod its peers admit. */
  | { readonly kind: 'rule'; readonly policy: NetworkPolicy; readonly rule: PolicyRule; readonly span: Span }
  /** A peer or its podSelector: the pods it admits. */
  | { readonly kind: 'peer'; readonly policy: NetworkPolicy; readonly peer: Peer; readonly span: Span }
  /** A peer's namespaceSelector: the namespaces it picks. */
  | { readonly kind: 'peer-namespaces'; readonly policy: NetworkPolicy; readonly peer: Peer; readonly span: Span }
  | { readonly kind: 'calico'; readonly policy: CalicoPolicy; readonly placed: PlacedSelector; readonly span: Span }
  | { readonly kind: 'workload'; readonly workload: WorkloadObject; readonly span: Span };

export function navTargetAt(analysis: FileAnalysis, offset: number): NavTarget | undefined {
  return kubernetesTarget(analysis, offset) ?? calicoTarget(analysis, offset) ?? workloadTarget(analysis, offset);
}

function kubernetesTarget(analysis: FileAnalysis, offset: number): NavTarget | undefined {
  const located = locate(analysis.policies, analysis.parsed.text, offset);
  if (!located) return undefined;
  const { policy, target, span } = located;
  switch (target.kind) {
    case 'policy':
      return { kind: 'policy', policy, span };
    case 'selector':
      if (target.context.role === 'policy') return { kind: 'policy', policy, span };
      if (target.context.role === 'peer-pods') return { kind: 'peer', policy, peer: target.context.peer, span };
      return { kind: 'peer-namespaces', policy, peer: target.context.peer, span };
    case 'peer':
      return { kind: 'peer', policy, peer: target.peer, span };
    case 'rule':
    case 'peers':
      return { kind: 'rule', policy, rule: target.rule, span };
    default:
      return undefined;
  }
}

function calicoTarget(analysis: FileAnalysis, offset: number): NavTarget | undefined {
  const policy = analysis.calicoPolicies.find((p) => p.ref.node.span.start <= offset && offset < p.ref.node.span.end);
  const placed = policy ? selectorAt([policy], offset) : undefined;
  if (!policy || !placed) return undefined;
  const { keySpan, span } = placed.selector;
  const onKey = offset >= keySpan.start && offset <= keySpan.end;
  return { kind: 'calico', policy, placed, span: onKey ? keySpan : span };
}

/** A workload, when the cursor is on its kind, name or pod labels. */
function workloadTarget(analysis: FileAnalysis, offset: number): NavTarget | undefined {
  const hit = workloadAt(analysis, offset);
  return hit ? { kind: 'workload', workload: hit.workload, span: hit.span } : undefined;
}
