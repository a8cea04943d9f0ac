/**
 * CIDRs on top of ip-address.ts: `address/prefix` parsed once into the closed range
 * of addresses it covers, plus what was unusual about the text, so every reader of
 * CIDRs (validators of every dialect, hovers, reachability) shares one grammar and one
 * arithmetic and differs only in the options it passes and the flags it reads.
 *
 * Every reader masks host bits off (`10.0.0.1/8` covers 10.0.0.0/8, as Go's
 * ParseCIDR does); whether that is fine, a warning or an error is the caller's rule,
 * so it is the flag `hostBitsSet` here.
 */
import { familyOf, FAMILY_BITS, formatIpAddress, maxAddress, parseIpAddress, type IpAddressOptions, type IpFamily } from './ip-address';

export interface CidrOptions extends IpAddressOptions {
  /** Accept a bare address as the network of that one address (`/32` or `/128`), as some dialects' address lists do. */
  readonly prefixOptional?: boolean;
  /**
   * Accept a prefix length of any number of digits (`/0008`), as Kubernetes'
   * sloppy parser does; otherwise it has one to three digits (`/08` still passes).
   */
  readonly longPrefix?: boolean;
}

export interface Cidr {
  readonly family: IpFamily;
  readonly prefix: number;
  /** The first address: the written one with its host bits cleared. */
  readonly first: bigint;
  readonly last: bigint;
  /** The written address has bits set past the prefix (`10.0.0.1/8`). */
  readonly hostBitsSet: boolean;
}

export interface ParsedCidr extends Cidr {
  /** An IPv4 octet had leading zeros (only possible with `ipv4LeadingZeros`). */
  readonly leadingZeros: boolean;
  /** The prefix length was written with leading zeros (`/08`). */
  readonly prefixLeadingZeros: boolean;
  /** The address is IPv4-mapped IPv6 (`::ffff:10.0.0.0/104`). */
  readonly ipv4Mapped: boolean;
}

/** Why a text is not a CIDR: no `/`, the address part, or the prefix length; with the family the text claims. */
export type CidrProblem = 'no-prefix' | 'address' | 'prefix';

export type CidrParse =
  | { readonly ok: true; readonly cidr: ParsedCidr }
  | { readonly ok: false; readonly problem: CidrProblem; readonly family: IpFamily; readonly addressText: string };

/**
 * `address/prefix` -> its range and flags, or why not. With no options this is Go's
 * net.ParseCIDR (the reachability engine); the ipBlock validators and hovers accept
 * Kubernetes' sloppy spellings too, and other dialects a bare address where they do.
 */
export function parseCidr(text: string, options: CidrOptions = {}): CidrParse {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const family = familyOf(addressText);
  const fail = (problem: CidrProblem): CidrParse => ({ ok: false, problem, family, addressText });
  if (slash < 0 && !options.prefixOptional) return fail('no-prefix');
  const address = parseIpAddress(addressText, options);
  if (!address) return fail('address');
  const bits = FAMILY_BITS[address.family];
  const prefixText = slash < 0 ? String(bits) : text.slice(slash + 1);
  const digits = options.longPrefix ? /^\d+$/ : /^\d{1,3}$/;
  if (!digits.test(prefixText) || Number(prefixText) > bits) return fail('prefix');
  const prefix = Number(prefixText);
  const mask = hostMask(address.family, prefix);
  const first = address.value & ~mask & maxAddress(address.family);
  return {
    ok: true,
    cidr: {
      family: address.family,
      prefix,
      first,
      last: first | mask,
      hostBitsSet: first !== address.value,
      leadingZeros: address.leadingZeros,
      prefixLeadingZeros: prefixText.length > 1 && prefixText.startsWith('0'),
      ipv4Mapped: address.ipv4Mapped,
    },
  };
}

/** The parsed CIDR, or undefined, for callers that need no reason. */
export function cidrOrUndefined(text: string, options: CidrOptions = {}): ParsedCidr | undefined {
  const result = parseCidr(text, options);
  return result.ok ? result.cidr : undefined;
}

function hostMask(family: IpFamily, prefix: number): bigint {
  return (1n << BigInt(FAMILY_BITS[family] - prefix)) - 1n;
}

/** `network/prefix` in canonical text (RFC 5952 for IPv6). */
export function formatCidr(cidr: Cidr): string {
  return `${formatIpAddress(cidr.family, cidr.first)}/${cidr.prefix}`;
}

export function addressCount(cidr: Cidr): bigint {
  return cidr.last - cidr.first + 1n;
}

/** Every address of `inner` is in `outer` (so same family). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}

/** Inside `outer` and smaller: the API server's rule for an ipBlock's `except`. */
export function isStrictSubset(outer: Cidr, inner: Cidr): boolean {
  return cidrContains(outer, inner) && inner.prefix > outer.prefix;
}

/** No address is in both. */
export function cidrsDisjoint(a: Cidr, b: Cidr): boolean {
  return a.family !== b.family || a.last < b.first || b.last < a.first;
}

export function cidrContainsAddress(cidr: Cidr, address: { readonly family: IpFamily; readonly value: bigint }): boolean {
  return cidr.family === address.family && cidr.first <= address.value && address.value <= cidr.last;
}
