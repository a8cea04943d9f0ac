/** What the cursor can be on in a Kubernetes NetworkPolicy, for its hovers and navigation. */
import type { YNode } from '../../../core/parse/yaml-tree';
import type { Direction, IpBlock, LabelSelector, NetworkPolicy, Peer, PolicyRule, PortSpec, Span } from '../../../model/types';

export type SelectorContext =
  | { readonly role: 'policy' }
  | { readonly role: 'peer-pods' | 'peer-namespaces'; readonly rule: PolicyRule; readonly peer: Peer };

export type SelectorFocus =
  | { readonly part: 'selector' }
  | { readonly part: 'matchLabels' }
  | { readonly part: 'label'; readonly index: number }
  | { readonly part: 'matchExpressions' }
  | { readonly part: 'requirement'; readonly index: number };

export type IpBlockFocus = { readonly part: 'ipBlock' | 'cidr' | 'except' } | { readonly part: 'except-item'; readonly index: number };

export type PortFocus = 'entry' | 'port' | 'endPort' | 'protocol';

/** The meaningful model node under the cursor. */
export type ExplainTarget =
  | { readonly kind: 'policy' }
  | { readonly kind: 'namespace' }
  | { readonly kind: 'policy-labels'; readonly field: 'labels' | 'annotations' }
  | { readonly kind: 'policy-types'; readonly item?: number }
  | { readonly kind: 'direction'; readonly direction: Direction }
  | { readonly kind: 'rule'; readonly rule: PolicyRule }
  | { readonly kind: 'peers'; readonly rule: PolicyRule }
  | { readonly kind: 'peer'; readonly rule: PolicyRule; readonly peer: Peer }
  | { readonly kind: 'selector'; readonly selector: LabelSelector; readonly context: SelectorContext; readonly focus: SelectorFocus }
  | { readonly kind: 'ip-block'; readonly rule: PolicyRule; readonly peer: Peer; readonly ipBlock: IpBlock; readonly focus: IpBlockFocus }
  | { readonly kind: 'ports'; readonly rule: PolicyRule }
  | { readonly kind: 'port'; readonly rule: PolicyRule; readonly port: PortSpec; readonly focus: PortFocus }
  /** A key that is not a field of the object it is in (a typo, or `to` in an ingress rule). */
  | { readonly kind: 'unknown-field'; readonly field: string; readonly owner: string; readonly expected: readonly string[] }
  /** `podSelector:` / `namespaceSelector:` with no value in a peer: null, which Kubernetes reads as "not set". */
  | { readonly kind: 'null-peer-selector'; readonly field: 'podSelector' | 'namespaceSelector' }
  /** A field whose value has a shape the model could not read (`podSelector: app=web`). */
  | { readonly kind: 'wrong-shape'; readonly field: string; readonly expected: string };

export interface Located {
  readonly policy: NetworkPolicy;
  readonly target: ExplainTarget;
  /** The exact key, value or sequence item under the cursor. */
  readonly span: Span;
  /** The value of the hovered field as written, for explaining values the model could not read. */
  readonly raw: YNode | null;
}
