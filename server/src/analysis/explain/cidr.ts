/**
 * CIDR text -> the address range it covers, for IPv4 and IPv6. Addresses are
 * BigInts so that IPv6 ranges (up to 2^128 addresses) are exact.
 */
import { formatInteger } from './markdown';

export type IpFamily = 4 | 6;

export interface Cidr {
  readonly family: IpFamily;
  readonly prefix: number;
  readonly first: bigint;
  readonly last: bigint;
  /** True when the address has bits set past the prefix (`10.0.0.1/8`), which Go's ParseCIDR masks off. */
  readonly hostBitsSet: boolean;
}

export type CidrResult = { readonly ok: true; readonly cidr: Cidr } | { readonly ok: false; readonly reason: string };

export function parseCidr(text: string): CidrResult {
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, reason: 'it has no prefix length (the `/n` part)' };
  const addressText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const family: IpFamily = addressText.includes(':') ? 6 : 4;
  const address = family === 4 ? parseIPv4(addressText) : parseIPv6(addressText);
  if (address === undefined) return { ok: false, reason: `${addressText || 'the empty text'} is not an IPv${family} address` };
  const bits = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    return { ok: false, reason: `the prefix length must be a number from 0 to ${bits} for IPv${family}` };
  }
  const prefix = Number(prefixText);
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const first = address & ~hostMask & ((1n << BigInt(bits)) - 1n);
  return { ok: true, cidr: { family, prefix, first, last: first | hostMask, hostBitsSet: (address & hostMask) !== 0n } };
}

export function addressCount(cidr: Cidr): bigint {
  return cidr.last - cidr.first + 1n;
}

/** True when `inner` lies inside `outer` (same family). */
export function containsCidr(outer: Cidr, inner: Cidr): boolean {
  return outer.family === inner.family && inner.first >= outer.first && inner.last <= outer.last;
}

/**
 * How many addresses a set of CIDRs covers together. Two CIDRs are either nested
 * or disjoint, so dropping the ones inside another and summing the rest is exact.
 */
export function unionCount(cidrs: readonly Cidr[]): bigint {
  const kept: Cidr[] = [];
  for (const cidr of [...cidrs].sort((a, b) => a.prefix - b.prefix)) {
    if (!kept.some((outer) => containsCidr(outer, cidr))) kept.push(cidr);
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
  return family === 4 ? formatIPv4(value) : formatIPv6(value);
}

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIPv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return all.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/** The 16-bit groups of one side of `::`; a trailing dotted IPv4 part counts as two groups. */
function groups(text: string): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const result: number[] = [];
  for (const [i, part] of parts.entries()) {
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIPv4(part);
      if (v4 === undefined) return undefined;
      result.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      result.push(parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return result;
}

function formatIPv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/** RFC 5952 text: lower-case hex, the longest run of two or more zero groups shortened to `::`. */
function formatIPv6(value: bigint): string {
  const parts = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && parts[j] === 0) j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = parts.map((p) => p.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}
