/**
 * Findings whose verdict depends on where the cluster's pod addresses are and whether
 * the plugin matches them against address ranges (the cluster profile). The DNS check
 * reports a policy whose rules allow DNS only through ipBlocks, with those ipBlocks in
 * its data; here the profile decides, as the evaluator does (reach-model matchesNode):
 * an ipBlock reaches the kube-dns pods when the plugin matches pod addresses and the
 * block covers a pod range that none of its excepts covers. Checks stay independent of
 * the profile, so their per-document results are reused across profiles.
 */
import type { Finding } from '../../core/finding';
import { parseCidr, type IpRange } from '../../ir/ip-range';
import type { ClusterProfile } from './cluster-profile';

interface AddressRange {
  readonly cidr: string;
  readonly except: readonly string[];
}

/** The findings as the profile's pod addresses see them; findings without address ranges are returned as they are. */
export function applyAddressGates(findings: readonly Finding[], profile: ClusterProfile): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const ranges = f.data?.['dnsAddressRanges'] as readonly AddressRange[] | undefined;
    if (!Array.isArray(ranges)) out.push(f);
    else if (!reachesPods(ranges, profile)) out.push({ ...f, message: `${f.message} ${whyNot(profile)}` });
  }
  return out;
}

function reachesPods(ranges: readonly AddressRange[], profile: ClusterProfile): boolean {
  if (!profile.ipBlocksMatchPods) return false;
  const pods = profile.podCidrs.map(parseCidr).filter((r): r is IpRange => r !== undefined);
  const covers = (outer: IpRange | undefined, inner: IpRange): boolean => outer !== undefined && outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
  return ranges.some((r) => pods.some((pod) => covers(parseCidr(r.cidr), pod) && !r.except.some((e) => covers(parseCidr(e), pod))));
}

/** Why the policy's ipBlocks do not reach the kube-dns pods, naming the assumption. */
function whyNot(profile: ClusterProfile): string {
  if (!profile.ipBlocksMatchPods) {
    return 'Its ipBlocks are matched only against addresses outside the cluster (cluster profile: ipBlocksMatchPods off), so they do not reach the kube-dns pods.';
  }
  if (profile.podCidrs.length === 0) return 'Its ipBlocks could reach the kube-dns pods if they cover the pod addresses, but the pod ranges are not known: set podCidrs in the cluster profile.';
  return `Its ipBlocks do not cover the pod ranges (${profile.podCidrs.join(', ')}, cluster profile), so they do not reach the kube-dns pods.`;
}
