/**
 * Where a Calico policy sits in Calico's evaluation: its order and tier, how that
 * compares with Kubernetes NetworkPolicies (order 1000 in the default tier), and,
 * with the workspace's help, the list of policies that can apply to the same pods.
 */
import { DEFAULT_TIER } from '../model/defaults';
import { effectiveOrder, effectiveTier } from '../model/defaults';
import { KUBERNETES_POLICY_ORDER } from '../model/policy-order';
import type { CalicoPolicy } from '../model/types';
import { code, paragraphs } from '../../../analysis/explain/markdown';
import type { ExplainOptions } from '../../../analysis/explain/types';
import { calicoOrderLookup } from '../workspace-order';

const MAX_LISTED = 15;

export function orderParagraphs(policy: CalicoPolicy, options: ExplainOptions): string {
  return paragraphs([orderText(policy), tierText(policy), workspaceOrder(policy, options)]);
}

function orderText(policy: CalicoPolicy): string {
  const order = effectiveOrder(policy);
  const rule = 'Calico evaluates the policies that apply to a pod from the lowest order up, ties by name; the first rule that matches a connection decides it, and later policies never see it.';
  if (order === undefined) {
    return `**No order**: ${rule} A policy without \`order\` comes after every policy of its tier that has one, Kubernetes NetworkPolicies (order ${KUBERNETES_POLICY_ORDER}) included.`;
  }
  const relative =
    order < KUBERNETES_POLICY_ORDER
      ? `It runs before the Kubernetes NetworkPolicies, which Calico evaluates at order ${KUBERNETES_POLICY_ORDER}.`
      : order > KUBERNETES_POLICY_ORDER
        ? `It runs after the Kubernetes NetworkPolicies (order ${KUBERNETES_POLICY_ORDER}): a connection one of them allows is decided before this policy is reached.`
        : `Kubernetes NetworkPolicies have this order too (${KUBERNETES_POLICY_ORDER}); Calico then goes by name, and names them \`knp.default.<name>\`.`;
  return `**Order ${order}**: ${rule} ${relative}`;
}

function tierText(policy: CalicoPolicy): string | undefined {
  const tier = effectiveTier(policy);
  if (tier === DEFAULT_TIER) return undefined;
  return `It is in tier ${code(tier)}: whole tiers run one after the other by the tier's own order, and orders only compare policies within a tier. Kubernetes NetworkPolicies are in tier \`default\`.`;
}

function workspaceOrder(policy: CalicoPolicy, options: ExplainOptions): string | undefined {
  if (!options.workspace) return undefined;
  const entries = calicoOrderLookup(options.workspace)(policy);
  if (entries.length <= 1) return '**In this workspace:** no other policy can apply to the same pods.';
  const shown = entries.slice(0, MAX_LISTED).map((entry, i) => {
    const title = entry.current ? `**${entry.title}** (this policy)` : entry.title;
    const tier = entry.tier === DEFAULT_TIER ? '' : ` in tier ${code(entry.tier)}`;
    const tie = entry.sameOrder && !entry.current ? ', same order: by name' : '';
    const file = entry.file ? `, in ${code(entry.file)}` : '';
    return `${i + 1}. ${title}${tier}${tie}${file}`;
  });
  const more = entries.length > MAX_LISTED ? `\n\n…and ${entries.length - MAX_LISTED} more.` : '';
  return `**In this workspace**, the policies that can apply to the same pods, in evaluation order:\n\n${shown.join('\n')}${more}`;
}
