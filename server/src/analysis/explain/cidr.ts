/**
 * CIDR text -> the address range it covers, for the ipBlock hovers, with a reason in
 * words when the text is not a CIDR. The grammar and the arithmetic are analysis/net's
 * (addresses are bigints, so IPv6 ranges of up to 2^128 addresses are exact); this
 * file adds the wording and the counts people read.
 *
 * A hover explains what the API server will do, so it reads as leniently as it does:
 * an octet with leading zeros (`010`) is read as decimal, and host bits past the
 * prefix (`10.0.0.1/8`) are masked off and reported. The prefix length has at most
 * three digits here; the validators warn about any longer spelling.
 */
import { addressCount, cidrContains, parseCidr as parseNetCidr, type Cidr, type CidrOptions } from '../../core/net/cidr';
import { FAMILY_BITS, formatIpAddress, type IpFamily } from '../../core/net/ip-address';
import { formatInteger } from './markdown';

export type { Cidr, IpFamily };
export { addressCount, cidrContains as containsCidr };

const HOVER: CidrOptions = { ipv4LeadingZeros: true };

export type CidrResult = { readonly ok: true; readonly cidr: Cidr } | { readonly ok: false; readonly reason: string };

export function parseCidr(text: string): CidrResult {
  const result = parseNetCidr(text, HOVER);
  if (result.ok) return { ok: true, cidr: result.cidr };
  const { family, addressText } = result;
  switch (result.problem) {
    case 'no-prefix':
      return { ok: false, reason: 'it has no prefix length (the `/n` part)' };
    case 'address':
      return { ok: false, reason: `${addressText || 'the empty text'} is not an IPv${family} address` };
    case 'prefix':
      return { ok: false, reason: `the prefix length must be a number from 0 to ${FAMILY_BITS[family]} for IPv${family}` };
  }
}

/**
 * How many addresses a set of CIDRs covers together. Two CIDRs are either nested
 * or disjoint, so dropping the ones inside another and summing the rest is exact.
 */
export function unionCount(cidrs: readonly Cidr[]): bigint {
  const kept: Cidr[] = [];
  for (const cidr of [...cidrs].sort((a, b) => a.prefix - b.prefix)) {
    if (!kept.some((outer) => cidrContains(outer, cidr))) kept.push(cidr);
  }
  return kept.reduce((sum, c) => sum + addressCount(c), 0n);
}

/**
 * A count of addresses in words people can check: exact digits up to 2^32, and
 * `2^n` beyond (an IPv6 /64 holds 2^64 addresses; its 20 digits help nobody).
 */
export function formatCount(count: bigint): string {
  const exponent = powerOfTwo(count);
  if (count > 1n << 32n && exponent !== undefined) return `2^${exponent}`;
  return formatInteger(count);
}

function powerOfTwo(value: bigint): number | undefined {
  if (value <= 0n || (value & (value - 1n)) !== 0n) return undefined;
  return value.toString(2).length - 1;
}

export function formatAddress(value: bigint, family: IpFamily): string {
  return formatIpAddress(family, value);
}
