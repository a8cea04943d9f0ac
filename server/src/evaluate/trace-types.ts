/**
 * The data of a why-trace: for one ordered pair, what each side's policies decided
 * and which rules (with their source ranges) allowed what. Plain data, shared by the
 * plain-union and the ordered trace builders and by every renderer.
 */
import type { Enforcer, RuleAction } from '../ir/policy-ir';
import type { ConnectionSet } from '../ir/connection-set';
import type { SelfPair } from './self-traffic';
import type { PolicyProblem, PolicyRef, SourceRef } from './types';

export interface RuleContribution {
  readonly policy: PolicyRef;
  readonly direction: 'ingress' | 'egress';
  /** 0-based position in the policy's ingress or egress list. */
  readonly ruleIndex: number;
  readonly rule: SourceRef;
  /** The first peer that matches the other end; absent when the rule has no peers (all match). */
  readonly peer?: SourceRef;
  readonly peerText: string;
  /** What this rule allows towards this pair, in connlist text (`No Connections` when a named port is missing). */
  readonly connections: string;
  readonly connectionSet: ConnectionSet;
  /**
   * Set when an ordered evaluation decided the side: what this rule did with
   * `connectionSet` (additive policies' rules there are Allow). Absent in a plain union.
   */
  readonly action?: RuleAction;
}

export type SideStatus = 'external' | 'not-isolated' | 'isolated';

export interface SideTrace {
  readonly direction: 'ingress' | 'egress';
  /** The node whose policies decide this side: the source for egress, the destination for ingress. */
  readonly subject: string;
  readonly status: SideStatus;
  readonly namespace?: string;
  readonly isolatedBy: readonly PolicyRef[];
  readonly allowedBy: readonly RuleContribution[];
  /** What this side allows for the pair, in connlist text. */
  readonly allowed: string;
  readonly allowedSet: ConnectionSet;
  /** Policies of the namespace left out because the API server would reject them. */
  readonly skipped: readonly { readonly policy: PolicyRef; readonly problems: readonly PolicyProblem[] }[];
  /**
   * Set when a policy that is not additive applies to the subject: `isolatedBy` then lists every
   * policy in evaluation order, `allowedBy` every rule that decided (any action),
   * and this says what met the end of each tier and what the profile allowed.
   */
  readonly ordered?: OrderedOutcome;
  /** When no rule matches the other end: a peer that would, but for one mistyped label (near-miss.ts). */
  readonly nearMiss?: string;
  /** What was assumed about pod addresses, when the side's policies name a range that could hold them (address-assumption.ts). */
  readonly assumption?: string;
}

export interface PairTrace {
  readonly src: string;
  readonly dst: string;
  readonly allowed: string;
  readonly connections: ConnectionSet;
  readonly egress: SideTrace;
  readonly ingress: SideTrace;
  /**
   * Set for a workload and itself (self-traffic.ts): `one-pod` (a bare Pod: `connections`
   * is everything, the sides decide nothing), or `replicas` (the sides and `connections`
   * are between two different pods of it; each pod still reaches itself).
   */
  readonly self?: SelfPair;
}

export interface TierEnd {
  readonly tier: string;
  /** Deny: dropped at the end of the tier; Pass: the tier's defaultAction sends it on. */
  readonly action: 'Deny' | 'Pass';
  readonly connections: string;
  readonly connectionSet: ConnectionSet;
}

/** How an ordered evaluation ended for the pair, beyond the rules that decided. */
export interface OrderedOutcome {
  /** Who runs it, for traces. */
  readonly enforcer: Enforcer;
  /** Set when policies of equal order, in a tier that leaves their order open, both match the pair. */
  readonly ambiguity?: string;
  readonly tierEnds: readonly TierEnd[];
  /** What was passed beyond the last tier, and so allowed (the enforcer names what allows it). */
  readonly profile: string;
  readonly profileSet: ConnectionSet;
}
