/**
 * Whether an address range in a policy could hold pod addresses, and what the
 * evaluator assumed about it: traces and hovers say so wherever it matters, since
 * plugins differ (most match pod addresses against ipBlocks, some do not).
 */
import { addressCuts } from '../ir/endpoint-match';
import { parseCidr, type IpRange } from '../ir/ip-range';
import type { Policy } from '../ir/policy-ir';

/** Where pod addresses usually are when the profile does not say: the private and shared ranges. */
const USUAL_POD_RANGES: readonly IpRange[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'].map((c) => parseCidr(c)!);

function overlaps(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/** The address ranges the rules of `policies` name in one direction that could hold pod addresses. */
function rangesNearPods(policies: readonly Policy[], direction: 'ingress' | 'egress', podRanges: readonly IpRange[]): IpRange[] {
  const near: IpRange[] = [];
  for (const policy of policies) {
    for (const rule of policy[direction] ?? []) {
      for (const peer of rule.peers ?? []) for (const range of addressCuts(peer.match)) if (podRanges.some((p) => overlaps(p, range))) near.push(range);
    }
  }
  return near;
}

/** What the profile says of pod addresses, as the model holds it. */
interface AddressProfile {
  readonly podAddresses: readonly IpRange[];
  readonly podCidrs: readonly string[];
  readonly plugin: string;
  readonly ipBlocksMatchPods: boolean;
}

/**
 * In a dual-stack cluster a pod has an address of each family, and a range of one family
 * matches only connections of that family: said when the ranges cover the pods' range of
 * one family alone, since the matrix does not split connections by family.
 */
function oneFamily(near: readonly IpRange[], podAddresses: readonly IpRange[]): string {
  const families = new Set(podAddresses.map((r) => r.family));
  if (families.size < 2) return '';
  const covered = new Set(podAddresses.filter((pod) => near.some((r) => r.family === pod.family && r.start <= pod.start && pod.end <= r.end)).map((r) => r.family));
  if (covered.size !== 1) return '';
  const [family] = covered;
  const other = family === 4 ? 6 : 4;
  return ` These ranges cover only the pods' IPv${family} addresses: IPv${other} connections to the pods are not matched by them.`;
}

/**
 * The sentence a trace adds when the side's policies name an address range that could
 * hold pod addresses; undefined when none does.
 */
export function addressAssumption(policies: readonly Policy[], direction: 'ingress' | 'egress', profile: AddressProfile): string | undefined {
  const { podAddresses, podCidrs, plugin } = profile;
  if (podAddresses.length > 0) {
    const near = rangesNearPods(policies, direction, podAddresses);
    if (near.length === 0) return undefined;
    return `pod addresses are taken to be in ${podCidrs.join(', ')} (cluster profile), and an address range that covers one of them matches those pods${plugin === 'generic' ? '' : ` (plugin: ${plugin})`}.${oneFamily(near, podAddresses)}`;
  }
  const known = podCidrs.map((c) => parseCidr(c)).filter((r): r is IpRange => r !== undefined);
  if (rangesNearPods(policies, direction, known.length > 0 ? known : USUAL_POD_RANGES).length === 0) return undefined;
  if (profile.ipBlocksMatchPods) {
    return `the plugin${plugin === 'generic' ? '' : ` (${plugin})`} matches pod addresses against address ranges, but the pod ranges are not known, so address ranges are matched only against addresses outside the cluster; set podCidrs in the cluster profile.`;
  }
  if (plugin !== 'generic') return `address ranges (ipBlock, nets) are matched only against addresses outside the cluster, never pod addresses (cluster profile: plugin ${plugin}, ipBlocksMatchPods off).`;
  return 'address ranges (ipBlock, nets) are matched only against addresses outside the cluster, never pod addresses; set ipBlocksMatchPods and podCidrs in the cluster profile if your plugin matches pod addresses.';
}
