/**
 * Hovers for cluster-wide policies: which tier and priority decide, what each rule
 * does in order (said from the lowered rules reachability runs, so a hover cannot
 * contradict `why`), what Pass hands on, what falls through to namespaced policies,
 * and a kubectl-describe-like block. A rejected policy's hover leads with why.
 */
import type { Finding } from '../../../core/finding';
import type { Span } from '../../../model/types';
import { bullets, code, codeBlock, paragraphs } from '../../../analysis/explain/markdown';
import type { Explanation } from '../../../analysis/explain/types';
import type { PolicyRule } from '../../../ir/policy-ir';
import type { ClusterPolicy, ClusterRule, Selection } from '../model/types';
import { tierOf } from '../model/tier';
import { lowerClusterPolicy } from '../reach/lower-policy';
import { describeClusterPolicy } from './describe-policy';

const AFTER: Readonly<Record<'Admin' | 'Baseline', string>> = {
  Admin:
    'Admin policies do not isolate pods: what no Admin rule decides falls through to the NetworkPolicies of the pod\'s namespace (when one selects the pod for that direction), then to the Baseline tier, then it is allowed. **Pass** hands a connection straight to the NetworkPolicy tier, skipping every later Admin rule.',
  Baseline:
    'The Baseline tier runs after NetworkPolicies: for a pod that a NetworkPolicy selects in a direction, that NetworkPolicy decides and these rules never apply. What no Baseline rule decides is allowed.',
};

/** The hover at `offset` in one of `policies`, or null when none holds it. */
export function explainClusterPolicyAt(policies: readonly ClusterPolicy[], offset: number, rejectionsOf: (policy: ClusterPolicy) => readonly Finding[]): Explanation | null {
  const policy = policies.find((p) => within(p.ref.node.span, offset));
  if (!policy) return null;
  const rejections = rejectionsOf(policy);
  const lead = rejections.length > 0 ? `**Rejected by the API server:** ${rejections.map((r) => r.message).join(' ')} As written it does nothing: reachability leaves it out.` : undefined;
  const lowered = lowerClusterPolicy({ uri: '', policy, problems: [] });
  const rules = lowered.ok ? lowered.policy : undefined;
  const rule = [...(policy.spec?.ingress?.items ?? []), ...(policy.spec?.egress?.items ?? [])].find((r) => within(r.span, offset));
  if (rule) {
    const peer = rule.peers?.items.find((p) => within(p.span, offset));
    const ir = rules?.[rule.direction]?.[rule.index];
    const body = peer ? explainPeer(peer, rule) : explainRule(policy, rule, ir);
    return { markdown: paragraphs([lead, body]), span: peer ? peer.span : rule.span };
  }
  const subject = policy.spec?.subject;
  if (subject && within(subject.span, offset)) return { markdown: paragraphs([lead, `**Subject:** the policy applies to ${selectionText(subject)}.`]), span: subject.span };
  return { markdown: paragraphs([lead, explainWhole(policy, rules?.ingress, rules?.egress)]), span: topLevelSpan(policy, offset) };
}

/** The top-level field (kind, metadata, spec, ...) under the cursor, or the whole object between them. */
function topLevelSpan(policy: ClusterPolicy, offset: number): Span {
  for (const pair of policy.ref.node.items) {
    const span = { start: pair.key.span.start, end: pair.value?.span.end ?? pair.key.span.end };
    if (within(span, offset)) return span;
  }
  return policy.ref.node.span;
}

function within(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}

function place(policy: ClusterPolicy): string {
  const tier = tierOf(policy);
  const priority = policy.spec?.priority?.value;
  if (policy.kind === 'BaselineAdminNetworkPolicy') return 'tier **Baseline** (the one BaselineAdminNetworkPolicy of the cluster)';
  return `tier **${tier}**, priority **${priority ?? '?'}** (0 runs first; equal priorities run in an order the implementation chooses)`;
}

function explainWhole(policy: ClusterPolicy, ingress: readonly PolicyRule[] | undefined, egress: readonly PolicyRule[] | undefined): string {
  const name = policy.metadata.name?.value ?? '(unnamed)';
  const subject = policy.spec?.subject ? selectionText(policy.spec.subject) : 'no pods (no subject)';
  const ruleLines = (rules: readonly PolicyRule[] | undefined, direction: string): string[] => (rules ?? []).map((r) => `${direction} ${r.index + 1}: ${r.phrase ?? r.action}`);
  const lines = [...ruleLines(ingress, 'ingress'), ...ruleLines(egress, 'egress')];
  return paragraphs([
    `**${policy.kind} ${code(name)}**: cluster-wide, ${place(policy)}. It applies to ${subject}.`,
    lines.length > 0 ? `Rules, in order (per direction, the first rule that matches a connection decides it):\n\n${bullets(lines)}` : 'It has no rules, so it decides nothing.',
    AFTER[tierOf(policy)],
    codeBlock(describeClusterPolicy(policy)),
  ]);
}

function explainRule(policy: ClusterPolicy, rule: ClusterRule, ir: PolicyRule | undefined): string {
  const action = ir?.action;
  const meaning =
    action === 'Pass'
      ? tierOf(policy) === 'Admin'
        ? 'Pass: the matching connections skip every later Admin rule and go to the NetworkPolicy tier (or, with no NetworkPolicy selecting the pod, to the Baseline tier, then default allow).'
        : 'Pass: the matching connections skip the rest of the Baseline tier and are allowed.'
      : action === 'Deny'
        ? 'Deny: final; nothing later (no NetworkPolicy, no Baseline) can allow what it matches.'
        : 'Allow: final; nothing later can deny what it matches, not even a NetworkPolicy that isolates the pod.';
  const named = rule.name ? ` ${code(rule.name.value)}` : '';
  return paragraphs([
    `**${rule.direction} rule ${rule.index + 1}${named}** of ${policy.kind} ${code(policy.metadata.name?.value ?? '')} (${place(policy)}): ${ir?.phrase ?? 'not readable yet'}.`,
    meaning,
    `Rules before it in this policy decide first; connections it does not match go on to rule ${rule.index + 2}, then to later policies of the tier.`,
  ]);
}

function explainPeer(peer: Selection, rule: ClusterRule): string {
  const word = rule.direction === 'ingress' ? 'From' : 'To';
  if (peer.networks) return `**${word} networks** ${peer.networks.items.map((n) => code(n.value)).join(', ')}: addresses in these ranges. Pod addresses count only if the cluster profile says the plugin matches them.`;
  if (peer.nodes) return `**${word} nodes** selected by labels: their addresses are not in the workspace, so no workload here is one of them; reachability shows no flow for this peer.`;
  if (peer.domainNames) return `**${word} domain names** ${peer.domainNames.items.map((d) => code(d.value)).join(', ')}: resolved by the cluster at run time, unknown here; this peer matches nothing in reachability.`;
  return `**${word}** ${selectionText(peer)}. Host-networked pods never match.`;
}

export function selectionText(selection: Selection): string {
  const sel = (s: { matchLabels: readonly { key: { value: string }; value: { value: string } }[]; matchExpressions: readonly unknown[] }): string =>
    s.matchLabels.length === 0 && s.matchExpressions.length === 0 ? '' : s.matchLabels.map((l) => `${l.key.value}=${l.value.value}`).join(', ') + (s.matchExpressions.length > 0 ? `${s.matchLabels.length > 0 ? ', ' : ''}${s.matchExpressions.length} expression${s.matchExpressions.length === 1 ? '' : 's'}` : '');
  if (selection.namespaces) {
    const ns = sel(selection.namespaces);
    return ns === '' ? 'every pod in every namespace' : `every pod in namespaces with ${code(ns)}`;
  }
  if (selection.pods) {
    const pods = selection.pods.podSelector ? sel(selection.pods.podSelector) : '';
    const ns = selection.pods.namespaceSelector ? sel(selection.pods.namespaceSelector) : '';
    return `${pods === '' ? 'every pod' : `pods with ${code(pods)}`} in ${ns === '' ? 'every namespace' : `namespaces with ${code(ns)}`} (namespace AND pod labels)`;
  }
  return 'nothing (neither namespaces nor pods)';
}
