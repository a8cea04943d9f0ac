/**
 * The policy IR: what a policy means, whatever dialect wrote it. Every dialect
 * lowers its policies into this once (dialects/<name>/lower-*), and the
 * evaluator (evaluate/) is the one reader that decides traffic from it.
 *
 * A policy has a subject (the pods it applies to), rules per direction in written
 * order, each with an action, a peer, ports and its source range, and a place in
 * a tier. Tiers run by order; within a tier, policies by order, then by name; the
 * first rule that matches a connection decides it (Allow, Deny; Pass hands it to
 * the next tier; Log only records). What no rule of a tier decided meets the
 * tier's end action; past the last tier, traffic is allowed.
 *
 * Kubernetes NetworkPolicy is the same model with `additive` policies: every rule
 * allows, and a tier that selects a pod denies what its rules did not allow. The
 * evaluator may compute such a tier as a plain union, which gives the same answer.
 */
import type { Span } from '../model/types';
import type { ConnectionSet } from './connection-set';
import type { EndpointMatch } from './endpoint-match';
import type { RulePorts } from './rule-ports';

/** Where something was written: a file and a half-open range of UTF-16 offsets. */
export interface SourceRef {
  readonly uri: string;
  readonly span: Span;
}

export interface PolicyRef {
  /** `namespace/name`; a cluster-scoped policy has no namespace and is `name`. */
  readonly id: string;
  /** Empty for a cluster-scoped policy. */
  readonly namespace: string;
  readonly name: string;
  readonly source: SourceRef;
  /** How traces of an ordered evaluation name the policy: kind, id and its place in the order. */
  readonly title: string;
  /** Fields the dialect adds to the policy's entry in JSON output (e.g. its tier and order). */
  readonly json?: Readonly<Record<string, unknown>>;
}

export interface PolicyProblem {
  readonly message: string;
  readonly source: SourceRef;
}

export type RuleAction = 'Allow' | 'Deny' | 'Pass' | 'Log';

/** One alternative of a rule's peers, with how traces name it. */
export interface RulePeer {
  readonly match: EndpointMatch;
  readonly text: string;
  /** Where the peer was written, when it is a node of its own. */
  readonly source?: SourceRef;
}

export interface PolicyRule {
  readonly direction: 'ingress' | 'egress';
  /** 0-based position in the policy's ingress or egress list. */
  readonly index: number;
  readonly action: RuleAction;
  readonly source: SourceRef;
  /** A further condition on the policy's own pod (a rule that also constrains its own side); absent: none. */
  readonly own?: EndpointMatch;
  /** Any of these matches the far end; null: every endpoint. */
  readonly peers: readonly RulePeer[] | null;
  /** How traces name the far end when `peers` is null. */
  readonly anyPeerText: string;
  /** The whole rule in one phrase for ordered traces; absent: the action and the matching peer's text. */
  readonly phrase?: string;
  readonly ports: RulePorts;
  /** The rule's connections when no named port makes them depend on the destination. */
  readonly uniform?: ConnectionSet;
  /** Parts this engine cannot evaluate offline; a rule with any never matches here. */
  readonly unmodelled: readonly string[];
}

export interface Policy {
  /** Unique per lowering, so caches keyed by it never see an edited policy as unchanged. */
  readonly uid: number;
  readonly ref: PolicyRef;
  readonly tier: string;
  /** Absent: no order (after every policy of the tier that has one). */
  readonly order?: number;
  /** The name equal orders are sorted by. */
  readonly sortName: string;
  /** The pods the policy applies to. */
  readonly subject: EndpointMatch;
  /** Every rule allows, and selecting a pod isolates it (Kubernetes NetworkPolicy semantics). */
  readonly additive: boolean;
  /** Present when the policy governs ingress. */
  readonly ingress?: readonly PolicyRule[];
  /** Present when the policy governs egress. */
  readonly egress?: readonly PolicyRule[];
  /** What this engine leaves out of the policy, said in traces and CLI notes. */
  readonly notes: readonly string[];
  /** Who runs a policy that is not additive, for traces. */
  readonly enforcer?: Enforcer;
}

/** How traces name who evaluates in order: `<name> evaluates ...`, `the namespace's profile allows ...`. */
export interface Enforcer {
  readonly name: string;
  /** What happens to what is passed beyond the last tier, as a phrase before the connections. */
  readonly afterLastTier: string;
  /** How a tier whose end action is Pass hands on what no rule decided (`the tier's defaultAction Pass sends it on`). */
  readonly tierPasses?: string;
}

export interface Tier {
  readonly name: string;
  /** Absent: no order, after every tier with one. */
  readonly order?: number;
  /** What happens to traffic no rule of the tier decided, for a pod some policy of the tier applies to. */
  readonly endAction: 'Deny' | 'Pass';
  /** Policies of equal order run by name (`name`), or in an order the implementation chooses (`unspecified`): then traces say so. */
  readonly equalOrders?: 'name' | 'unspecified';
  readonly source?: SourceRef;
}

/** A policy the API server would reject: left out of evaluation, and said in traces. */
export interface RejectedPolicy {
  readonly ref: PolicyRef;
  readonly problems: readonly PolicyProblem[];
  /** The pods it was meant for, when that part is readable. */
  readonly subject?: EndpointMatch;
  /** The pods whose traces say it is ignored (its subject, or more when the subject cannot be read). */
  readonly noteIn?: EndpointMatch;
}

export type Lowered = { readonly ok: true; readonly policy: Policy } | { readonly ok: false; readonly rejected: RejectedPolicy };
