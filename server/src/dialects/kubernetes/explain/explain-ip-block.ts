/**
 * Hovers on `ipBlock`, `cidr` and `except`: the range in words and numbers (first
 * and last address, how many), what is carved out, and why pod IPs are not a
 * reliable target.
 */
import type { Field, IpBlock, PolicyRule } from '../../../model/types';
import { addressCount, containsCidr, formatAddress, formatCount, parseCidr, unionCount, type Cidr } from '../../../analysis/explain/cidr';
import { bullets, code, paragraphs } from '../../../analysis/explain/markdown';
import type { IpBlockFocus } from './target';
import { parseCidr as parseRange, rangeOf } from '../../../ir/ip-range';
import { addressRangeAssumption } from '../../../analysis/profile/address-words';
import type { ClusterProfile } from '../../../analysis/profile/cluster-profile';

const POD_IPS =
  'Use `ipBlock` for addresses outside the cluster: pod IPs change whenever pods are re-created, so select pods with `podSelector` / `namespaceSelector` instead. Depending on the network plugin, NAT (load balancers, node ports) can change the address the policy sees.';

export function explainIpBlock(rule: PolicyRule, ipBlock: IpBlock, focus: IpBlockFocus, profile?: ClusterProfile): string {
  switch (focus.part) {
    case 'ipBlock':
      return paragraphs([`**\`ipBlock\`**: ${rule.direction === 'ingress' ? 'sources' : 'destinations'} by IP address.`, blockSummary(ipBlock), POD_IPS]);
    case 'cidr':
      return explainCidr(ipBlock.cidr, profile);
    case 'except':
      return paragraphs(['**`except`**: addresses carved out of `cidr`; this item does not allow them (another item or policy still can).', blockSummary(ipBlock)]);
    case 'except-item':
      return explainExcept(ipBlock, ipBlock.except[focus.index]!);
  }
}

/** `172.17.0.0 – 172.17.255.255, 65,536 addresses` */
function rangeText(cidr: Cidr): string {
  const count = addressCount(cidr);
  const addresses = count === 1n ? '1 address' : `${formatCount(count)} addresses`;
  return `${formatAddress(cidr.first, cidr.family)} – ${formatAddress(cidr.last, cidr.family)}, ${addresses}`;
}

function blockSummary(ipBlock: IpBlock): string {
  const cidrText = ipBlock.cidr?.value;
  if (cidrText === undefined) return '**Invalid:** `ipBlock` needs a `cidr`, such as `10.0.0.0/8` or `2001:db8::/32`.';
  const parsed = parseCidr(cidrText);
  if (!parsed.ok) return `**Invalid:** ${code(cidrText)} is not a CIDR: ${parsed.reason}.`;
  const allowed = `Allows IP addresses in ${code(cidrText)} (${rangeText(parsed.cidr)})`;
  if (ipBlock.except.length === 0) return `${allowed}.`;
  const carved: Cidr[] = [];
  const lines = ipBlock.except.map((e) => {
    const result = parseCidr(e.value);
    if (!result.ok) return `${code(e.value)}: not a CIDR (${result.reason})`;
    if (!isStrictSubset(parsed.cidr, result.cidr)) return `${code(e.value)}: **invalid**, not inside ${code(cidrText)}`;
    carved.push(result.cidr);
    return `${code(e.value)} (${rangeText(result.cidr)})`;
  });
  const left = addressCount(parsed.cidr) - unionCount(carved);
  return `${allowed}, EXCEPT:\n\n${bullets(lines)}\n\nThat leaves ${formatCount(left)} ${left === 1n ? 'address' : 'addresses'}.`;
}

function isStrictSubset(outer: Cidr, inner: Cidr): boolean {
  return containsCidr(outer, inner) && inner.prefix > outer.prefix;
}

function explainCidr(field: Field<string> | undefined, profile: ClusterProfile | undefined): string {
  if (field === undefined) return '**`cidr`** expects an address range in CIDR notation, such as `10.0.0.0/8` or `2001:db8::/32`.';
  const parsed = parseCidr(field.value);
  if (!parsed.ok) return `**${code(field.value)} is not a valid CIDR**: ${parsed.reason}. Write an address and a prefix length, such as \`10.0.0.0/8\`, \`192.168.1.10/32\` or \`2001:db8::/32\`.`;
  const cidr = parsed.cidr;
  const bits = cidr.family === 4 ? 32 : 128;
  const fixed = cidr.prefix === 0 ? `every IPv${cidr.family} address` : cidr.prefix === bits ? 'exactly one address' : `the first ${cidr.prefix} bits are fixed`;
  const other = cidr.prefix === 0 ? ` It does not include IPv${cidr.family === 4 ? 6 : 4} addresses; add \`${cidr.family === 4 ? '::/0' : '0.0.0.0/0'}\` for those.` : '';
  const masked = cidr.hostBitsSet ? ` ${code(field.value)} has bits set after the prefix; it is read as ${code(`${formatAddress(cidr.first, cidr.family)}/${cidr.prefix}`)}.` : '';
  const text = `**\`cidr: ${field.value}\`**: the IPv${cidr.family} range ${rangeText(cidr)} (${fixed}).${other}${masked}`;
  const range = rangeOf(cidr);
  const nearPods = coversClusterSpace(cidr) || (profile?.podCidrs ?? []).some((p) => { const pod = parseRange(p); return pod !== undefined && pod.family === range.family && pod.start <= range.end && range.start <= pod.end; });
  return nearPods ? paragraphs([text, addressRangeAssumption([range], profile)]) : text;
}

/**
 * Private, shared and unique-local space, where pod and service CIDRs are chosen: a range
 * that overlaps it may hold pods, and what reachability then assumes must be said.
 */
const CLUSTER_SPACE: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'].map((c) => {
  const parsed = parseCidr(c);
  if (!parsed.ok) throw new Error(`bad built-in CIDR ${c}`);
  return parsed.cidr;
});

function coversClusterSpace(cidr: Cidr): boolean {
  return CLUSTER_SPACE.some((space) => space.family === cidr.family && (containsCidr(space, cidr) || containsCidr(cidr, space)));
}

function explainExcept(ipBlock: IpBlock, field: Field<string>): string {
  const parsed = parseCidr(field.value);
  if (!parsed.ok) return `**${code(field.value)} is not a valid CIDR**: ${parsed.reason}.`;
  const outerText = ipBlock.cidr?.value;
  const outer = outerText === undefined ? undefined : parseCidr(outerText);
  const range = `${code(field.value)} (${rangeText(parsed.cidr)})`;
  if (outer?.ok && !isStrictSubset(outer.cidr, parsed.cidr)) {
    return `**Invalid:** ${range} is not strictly inside \`cidr\` ${code(outerText!)}; the API server rejects \`except\` entries outside (or equal to) the range.`;
  }
  return `**Carved out:** ${range}. This item does not allow these addresses, even though they are inside \`cidr\`${outerText ? ` ${code(outerText)}` : ''}; another item or policy can still allow them.`;
}
