/**
 * What a hover on an ipBlock's cidr says reachability
 * assumed about pods inside it: the cluster profile's words, the same assumption the
 * evaluator makes (reach-model matchesNode) and the DNS check follows (address-gates.ts).
 */
import { parseCidr, rangeContains, type IpRange } from '../../ir/ip-range';
import { DEFAULT_PROFILE, type ClusterProfile } from './cluster-profile';

export function addressRangeAssumption(ranges: readonly IpRange[], profile: ClusterProfile = DEFAULT_PROFILE): string {
  const plugin = profile.plugin === 'generic' ? '' : `plugin ${profile.plugin}, `;
  if (!profile.ipBlocksMatchPods) {
    return `**Assumed** (cluster profile: ${plugin}ipBlocksMatchPods off): reachability (the panel, \`reach\`, \`why\`) and the DNS check read this range as addresses outside the cluster, so pods whose addresses fall in it are not matched by it, as netpol-analyzer assumes. Many network plugins do match pod addresses against it: set \`plugin\` or \`ipBlocksMatchPods\` and \`podCidrs\` in the cluster profile, or select the pods with selectors.`;
  }
  const pods = profile.podCidrs.map((text) => ({ text, range: parseCidr(text) })).filter((p): p is { text: string; range: IpRange } => p.range !== undefined);
  if (pods.length === 0) {
    return `**Assumed** (cluster profile: ${plugin}ipBlocksMatchPods on): the plugin matches pod addresses against this range, but the pod ranges are not known, so reachability counts only addresses outside the cluster: set \`podCidrs\` in the cluster profile.`;
  }
  const covered = pods.filter((p) => ranges.some((r) => rangeContains(r, p.range)));
  if (covered.length === 0) {
    return `**Assumed** (cluster profile: ${plugin}pod addresses in ${pods.map((p) => p.text).join(', ')}): this range does not cover a pod range, so it matches no pods in reachability.`;
  }
  return `**Assumed** (cluster profile: ${plugin}pod addresses in ${pods.map((p) => p.text).join(', ')}): this range covers ${covered.map((p) => p.text).join(', ')}, so it matches the pods there (less what an \`except\` covers), in reachability and the DNS check alike.`;
}
