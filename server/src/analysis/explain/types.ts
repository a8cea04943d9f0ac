/**
 * The explain API: what the hover service (and later the CLI) passes in, and what
 * the cursor can be on. Pure data, no LSP types.
 */
import type { YNode } from '../../core/parse/yaml-tree';
import type { CalicoPolicy } from '../../dialects/calico/model/types';
import type { Direction, IpBlock, LabelSelector, NetworkPolicy, Peer, PolicyRule, PortSpec, Span } from '../../model/types';

/** Where a selector looks: which pods or namespaces it can possibly match. */
export type SelectorScope =
  /** Pods of one namespace (undefined when the policy names none: the namespace it is applied to). */
  | { readonly kind: 'pods-in-namespace'; readonly namespace: string | undefined }
  /** Pods of the namespaces a sibling `namespaceSelector` selects. */
  | { readonly kind: 'pods-in-selected-namespaces'; readonly namespaceSelector: LabelSelector }
  | { readonly kind: 'namespaces' };

/**
 * Lists what a selector matches in the workspace (e.g. `deployment/web (default)`).
 * The workspace index will provide one; until then hovers say nothing about the workspace.
 */
/** Returns undefined when the workspace cannot tell (e.g. it holds no workloads at all). */
export interface WorkspaceMatcher {
  (selector: LabelSelector, scope: SelectorScope): readonly string[] | undefined;
  /** For a selector that matches nothing: `did you mean app=web (shop/web)?`, when a label of the workspace is that close. */
  readonly nearest?: (selector: LabelSelector, scope: SelectorScope) => string | undefined;
}

/** One policy in Calico's evaluation order, as the hover of a Calico policy lists them. */
export interface CalicoOrderEntry {
  /** `GlobalNetworkPolicy "default-deny" (order 5000)`, `Kubernetes NetworkPolicy "shop/web" (order 1000 for Calico)`. */
  readonly title: string;
  readonly tier: string;
  /** The hovered policy itself. */
  readonly current: boolean;
  /** Same tier and order as the hovered policy: only the names decide which runs first. */
  readonly sameOrder: boolean;
  /** The file it is written in, when another than the hovered policy's. */
  readonly file?: string;
}

/**
 * Lists the workspace's policies that can apply to the same pods as a Calico
 * policy, in Calico's evaluation order (Kubernetes ones at order 1000), the
 * policy itself included. The workspace index provides one (workspace/calico-order.ts).
 */
export type CalicoOrderLookup = (policy: CalicoPolicy) => readonly CalicoOrderEntry[];

export interface ExplainOptions {
  readonly matches?: WorkspaceMatcher;
  readonly calicoOrder?: CalicoOrderLookup;
}

/** The Markdown for the node under the cursor, and that node's exact span. */
export interface Explanation {
  readonly markdown: string;
  readonly span: Span;
}

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
