/**
 * IPv4 and IPv6 addresses: the one parser and printer behind every reader of
 * addresses and CIDRs in the project (every dialect's validators of addresses and
 * ranges, the hovers and the reachability engine).
 *
 * An address is a family and one bigint, so IPv6 arithmetic is exact. The grammar is
 * Go's net.ParseIP, which the API server and the other policy engines written in Go use: dotted decimal, or
 * eight hex groups with at most one `::` standing for at least one zero group and an
 * optional dotted IPv4 tail as the last 32 bits. Zone ids (`fe80::1%eth0`) are never
 * accepted: neither reader of CIDRs that we follow takes one.
 *
 * The one spelling the readers disagree on is an IPv4 octet with leading zeros
 * (`010`): Kubernetes' ParseIPSloppy reads it as decimal, Go's strict parser (and
 * the engines that use it) rejects it. That is an option, and what was found is reported as flags, so
 * each caller can keep its own rule and its own warnings.
 */

export type IpFamily = 4 | 6;

export const FAMILY_BITS: Readonly<Record<IpFamily, number>> = { 4: 32, 6: 128 };

export interface IpAddressOptions {
  /** Accept IPv4 octets with leading zeros (`010`, read as decimal), as Kubernetes' sloppy parser does. */
  readonly ipv4LeadingZeros?: boolean;
}

export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
  /** An IPv4 octet (also in an IPv6 address's dotted tail) was written with leading zeros. */
  readonly leadingZeros: boolean;
  /** An IPv6 address of the form ::ffff:a.b.c.d, which some readers treat as IPv4. */
  readonly ipv4Mapped: boolean;
}

/** The family a text claims to be, for messages about text that does not parse: a colon means IPv6. */
export function familyOf(text: string): IpFamily {
  return text.includes(':') ? 6 : 4;
}

export function maxAddress(family: IpFamily): bigint {
  return (1n << BigInt(FAMILY_BITS[family])) - 1n;
}

export function parseIpAddress(text: string, options: IpAddressOptions = {}): IpAddress | undefined {
  if (familyOf(text) === 4) {
    const v4 = parseIpv4(text, options);
    return v4 && { family: 4, value: v4.value, leadingZeros: v4.leadingZeros, ipv4Mapped: false };
  }
  const v6 = parseIpv6(text, options);
  return v6 && { family: 6, value: v6.value, leadingZeros: v6.leadingZeros, ipv4Mapped: v6.value >> 32n === 0xffffn };
}

interface Parsed {
  readonly value: bigint;
  readonly leadingZeros: boolean;
}

function parseIpv4(text: string, options: IpAddressOptions): Parsed | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  // Strict: `0` or a number without a leading zero; sloppy: any one to three digits.
  const octet = options.ipv4LeadingZeros ? /^\d{1,3}$/ : /^(0|[1-9]\d{0,2})$/;
  let value = 0n;
  for (const part of parts) {
    if (!octet.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return { value, leadingZeros: parts.some((part) => part.length > 1 && part.startsWith('0')) };
}

function parseIpv6(text: string, options: IpAddressOptions): Parsed | undefined {
  // A dotted IPv4 tail is allowed only after the last colon; it stands for two groups.
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  const v4 = tail.includes('.') ? parseIpv4(tail, options) : undefined;
  if (tail.includes('.') && !v4) return undefined;
  const hexText = v4 ? `${text.slice(0, lastColon + 1)}0:0` : text;
  const halves = hexText.split('::');
  if (halves.length > 2) return undefined;
  const left = halves[0] === '' ? [] : halves[0]!.split(':');
  const right = halves.length === 1 || halves[1] === '' ? [] : halves[1]!.split(':');
  const missing = 8 - left.length - right.length;
  // Without `::` there are exactly eight groups; with it, `::` is at least one zero group.
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let value = 0n;
  for (const group of [...left, ...new Array<string>(missing).fill('0'), ...right]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  if (!v4) return { value, leadingZeros: false };
  return { value: value | v4.value, leadingZeros: v4.leadingZeros };
}

/** Dotted decimal for IPv4; RFC 5952 for IPv6 (lower case, the longest run of two or more zero groups as `::`, the first on ties). */
export function formatIpAddress(family: IpFamily, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}
