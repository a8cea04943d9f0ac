/**
 * Whether an address range in a policy could hold pod addresses, and what the
 * evaluator assumed about it: traces and hovers say so wherever it matters, since
 * plugins differ (most match pod addresses against ipBlocks, some do not), while some
 * dialects match pod addresses by definition (podsByAddress).
 */
import type { EndpointMatch } from '../ir/endpoint-match';
import { parseCidr, type IpRange } from '../ir/ip-range';
import type { Policy } from '../ir/policy-ir';

/** Where pod addresses usually are when the profile does not say: the private and shared ranges. */
const USUAL_POD_RANGES: readonly IpRange[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'].map((c) => parseCidr(c)!);

function overlaps(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/** The address ranges of a match, those its dialect matches against pods by address (byAddress) or the others. */
function rangesOf(match: EndpointMatch, byAddress: boolean, into: IpRange[]): void {
  if (match.kind === 'addresses') {
    if ((match.podsByAddress === true) === byAddress) into.push(...match.ranges);
  } else if (match.kind === 'and' || match.kind === 'or') for (const part of match.parts) rangesOf(part, byAddress, into);
  else if (match.kind === 'not') rangesOf(match.part, byAddress, into);
}

/** The address ranges the rules of `policies` name in one direction that could hold pod addresses. */
function rangesNearPods(policies: readonly Policy[], direction: 'ingress' | 'egress', podRanges: readonly IpRange[], byAddress = false): IpRange[] {
  const near: IpRange[] = [];
  for (const policy of policies) {
    for (const rule of policy[direction] ?? []) {
      for (const peer of rule.peers ?? []) {
        const ranges: IpRange[] = [];
        rangesOf(peer.match, byAddress, ranges);
        for (const range of ranges) if (podRanges.some((p) => overlaps(p, range))) near.push(range);
      }
    }
  }
  return near;
}

/** What the profile says of pod addresses, as the model holds it. */
interface AddressProfile {
  readonly podAddresses: readonly IpRange[];
  readonly podRanges: readonly IpRange[];
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
 * The sentences a trace adds when the side's policies name an address range that could
 * hold pod addresses; undefined when none does. Ranges whose dialect matches pod
 * addresses by definition are said apart from those the plugin decides.
 */
export function addressAssumption(policies: readonly Policy[], direction: 'ingress' | 'egress', profile: AddressProfile): string | undefined {
  const sentences = [byAddressAssumption(policies, direction, profile), pluginAssumption(policies, direction, profile)].filter((s): s is string => s !== undefined);
  return sentences.length > 0 ? sentences.map((s, i) => (i === 0 ? s : s[0]!.toUpperCase() + s.slice(1))).join(' ') : undefined;
}

function byAddressAssumption(policies: readonly Policy[], direction: 'ingress' | 'egress', profile: AddressProfile): string | undefined {
  const { podRanges, podCidrs } = profile;
  if (podRanges.length > 0) {
    const near = rangesNearPods(policies, direction, podRanges, true);
    if (near.length === 0) return undefined;
    return `address ranges of policies that match pod addresses by definition (nets, networks) match the pods in ${podCidrs.join(', ')} (cluster profile) that they cover.${oneFamily(near, podRanges)}`;
  }
  if (rangesNearPods(policies, direction, USUAL_POD_RANGES, true).length === 0) return undefined;
  return 'address ranges of policies that match pod addresses by definition (nets, networks) would match pods too, but the pod ranges are not known, so they are matched only against addresses outside the cluster; set podCidrs in the cluster profile.';
}

function pluginAssumption(policies: readonly Policy[], direction: 'ingress' | 'egress', profile: AddressProfile): string | undefined {
  const { podAddresses, podCidrs, plugin } = profile;
  if (podAddresses.length > 0) {
    const near = rangesNearPods(policies, direction, podAddresses);
    if (near.length === 0) return undefined;
    return `pod addresses are taken to be in ${podCidrs.join(', ')} (cluster profile), and an ipBlock that covers one of them matches those pods${plugin === 'generic' ? '' : ` (plugin: ${plugin})`}.${oneFamily(near, podAddresses)}`;
  }
  const known = podCidrs.map((c) => parseCidr(c)).filter((r): r is IpRange => r !== undefined);
  if (rangesNearPods(policies, direction, known.length > 0 ? known : USUAL_POD_RANGES).length === 0) return undefined;
  if (profile.ipBlocksMatchPods) {
    return `the plugin${plugin === 'generic' ? '' : ` (${plugin})`} matches pod addresses against ipBlocks, but the pod ranges are not known, so ipBlocks are matched only against addresses outside the cluster; set podCidrs in the cluster profile.`;
  }
  if (plugin !== 'generic') return `an ipBlock is matched only against addresses outside the cluster, never pod addresses (cluster profile: plugin ${plugin}, ipBlocksMatchPods off).`;
  return 'an ipBlock is matched only against addresses outside the cluster, never pod addresses; set ipBlocksMatchPods and podCidrs in the cluster profile if your plugin matches pod addresses.';
}
