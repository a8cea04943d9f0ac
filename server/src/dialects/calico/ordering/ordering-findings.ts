/**
 * Findings for the ordering traps and the DNS trap, built from shapes. The file's
 * check (checks/ordering-check.ts, checks/dns-check.ts) compares a file's own
 * Calico policies; workspace-order.ts adds what involves policies of other
 * files and Kubernetes NetworkPolicies. `others` decides which findings each side
 * reports, so the two never report the same thing twice.
 */
import { finding, type Finding } from '../../../core/finding';
import type { Span } from '../../../core/parse/yaml-tree';
import { policyData } from '../checks/check';
import type { CalicoPolicy } from '../model/types';
import { dnsGap } from './dns';
import { orderTies, shadowedDenies, type OrderTie, type ShadowedDeny } from './shadowing';
import type { PolicyShape } from './shapes';

const DENY_SHADOWED = 'calico/deny-shadowed';
const EQUAL_ORDER = 'calico/equal-order';
const EGRESS_WITHOUT_DNS = 'calico/egress-without-dns';

export interface ReportScope {
  /** Whether a finding that involves `other` is reported here. */
  readonly reports: (other: PolicyShape) => boolean;
  /** Where `other` is written, said after its name: `` in this file, ` in policies.yaml` elsewhere. */
  readonly where: (other: PolicyShape) => string;
  /** Report a tie on both policies (workspace: each file gets its own), or on the later one only (one file). */
  readonly tieOnBoth: boolean;
  /** Report Denies that an Allow of their own policy decides (the file's check does; the workspace leaves them to it). */
  readonly ownRules: boolean;
}

function calicoOf(shape: PolicyShape): CalicoPolicy | undefined {
  return shape.origin.kind === 'calico' ? shape.origin.policy : undefined;
}

export function orderingFindings(targets: readonly PolicyShape[], all: readonly PolicyShape[], scope: ReportScope): Finding[] {
  const shadows = shadowedDenies(targets, all).filter((s) => (s.by === s.policy ? scope.ownRules : scope.reports(s.by)));
  // Each pair is found from both of its policies when both are targets: keep it once.
  const ties = orderTies(targets, all).filter((t, i, list) => list.findIndex((u) => u.first === t.first && u.second === t.second) === i);
  return [...shadows.flatMap((s) => shadowFinding(s, scope)), ...ties.flatMap((t) => tieFindings(t, targets, scope))];
}

function shadowFinding(s: ShadowedDeny, scope: ReportScope): Finding[] {
  const policy = calicoOf(s.policy);
  if (!policy) return [];
  const own = s.by === s.policy;
  const which = own ? `rule ${s.byRule.index + 1} of this policy` : `${s.byRule.direction} rule ${s.byRule.index + 1} of ${s.by.title}${scope.where(s.by)}`;
  const advice = own ? 'Move the Deny above that Allow, or narrow the Allow.' : 'Give this policy a lower order than that one, or narrow its Allow rule.';
  const message = `This Deny never takes effect: ${which}, evaluated before it, already allows all the traffic it matches, for all the pods it applies to. ${advice}`;
  const span: Span = s.rule.actionSpan ?? s.rule.span;
  const related = s.by.uri === s.policy.uri ? [{ span: s.byRule.span, message: 'The Allow rule evaluated first.' }] : [];
  const data = policyData(policy, { path: `spec.${s.rule.direction}[${s.rule.index}]`, shadowedBy: s.by.title, byRule: s.byRule.index });
  return [finding(DENY_SHADOWED, 'warning', message, span, { data, related, tags: ['unnecessary'] })];
}

function tieFindings(tie: OrderTie, targets: readonly PolicyShape[], scope: ReportScope): Finding[] {
  return [tie.second, tie.first]
    .filter((target) => targets.includes(target) && (scope.tieOnBoth || target === tie.second) && scope.reports(target === tie.first ? tie.second : tie.first))
    .flatMap((target) => {
      const policy = calicoOf(target);
      if (!policy) return [];
      const other = target === tie.first ? tie.second : tie.first;
      const order = target.key.order === undefined ? 'neither has an order' : `both have order ${target.key.order}`;
      const message = `This policy and ${other.title}${scope.where(other)} ${order} in tier "${target.key.tier}", can apply to the same pods, and decide ${tie.direction} differently: only their names decide which runs first (${tie.first.name} does). Give them different orders to make the precedence explicit.`;
      const related = other.uri === target.uri ? [{ span: other.anchor, message: 'The other policy of the same order.' }] : [];
      return [finding(EQUAL_ORDER, 'warning', message, target.anchor, { data: policyData(policy, { other: other.title }), related })];
    });
}

/** The DNS trap for one policy, compared with the policies in `others` (its file's, for the file check). */
export function dnsFinding(target: PolicyShape, others: readonly PolicyShape[]): Finding[] {
  const policy = calicoOf(target);
  const gap = dnsGap(target, others);
  if (!policy || !gap) return [];
  const data = policyData(policy, gap.kind === 'deny' ? { gap: gap.kind, ruleIndex: gap.rule.index } : { gap: gap.kind });
  if (gap.kind === 'deny') {
    const message = `This Deny also denies DNS (UDP port 53 to the kube-dns pods), and no rule evaluated before it allows DNS: the pods this policy applies to cannot resolve names. Allow DNS before this rule.`;
    return [finding(EGRESS_WITHOUT_DNS, 'warning', message, gap.rule.actionSpan ?? gap.rule.span, { data })];
  }
  const message =
    gap.rules === 0
      ? 'This policy denies all egress, DNS included: the pods it applies to cannot even resolve names. If the lock-down is deliberate, still allow DNS (UDP and TCP port 53 to k8s-app == "kube-dns" in kube-system), here or in a policy of the same tier.'
      : 'Egress from the pods this policy applies to ends with the deny at the end of the tier, and no rule in the tier allows DNS (UDP port 53 to k8s-app == "kube-dns" in kube-system): every name lookup will fail. Allow DNS egress.';
  return [finding(EGRESS_WITHOUT_DNS, 'warning', message, egressAnchor(policy) ?? target.anchor, { data })];
}

/** The `egress` key when there is one, else the `Egress` entry of `types`. */
function egressAnchor(policy: CalicoPolicy): Span | undefined {
  const egress = policy.spec.egress;
  if (egress) return egress.keySpan;
  return policy.spec.types?.items.find((t) => t.value === 'Egress')?.span;
}
