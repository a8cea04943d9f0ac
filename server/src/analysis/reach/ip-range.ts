/**
 * IPv4 and IPv6 addresses as bigint, CIDRs as closed bigint intervals, and the
 * text forms netpol-analyzer prints (`10.0.0.0-10.255.255.255`; IPv6 in the
 * RFC 5952 short form). Parsing follows Go's net.ParseCIDR, which the API server
 * uses: no leading zeros in IPv4, host bits allowed (they are masked off).
 */

export type IpFamily = 4 | 6;

export interface IpRange {
  readonly family: IpFamily;
  readonly start: bigint;
  readonly end: bigint;
}

const MAX: Record<IpFamily, bigint> = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n };

export function wholeFamily(family: IpFamily): IpRange {
  return { family, start: 0n, end: MAX[family] };
}

export function parseIp(text: string): { family: IpFamily; value: bigint } | undefined {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { family: 4, value };
}

/** `10.0.0.0/8` -> 10.0.0.0..10.255.255.255; undefined when Go's ParseCIDR would fail. */
export function parseCidr(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const bits = ip.family === 4 ? 32n : 128n;
  const prefix = BigInt(prefixText);
  if (prefix > bits) return undefined;
  const hostMask = (1n << (bits - prefix)) - 1n;
  const start = ip.value & ~hostMask & MAX[ip.family];
  return { family: ip.family, start, end: start | hostMask };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = text.slice(0, lastColon + 1) + '0:0';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): string[] | undefined => (s === '' ? [] : s.split(':'));
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  if (!left || !right) return undefined;
  const missing = 8 - left.length - right.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return undefined;
  let value = 0n;
  for (const group of [...left, ...new Array<string>(missing).fill('0'), ...right]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return tailV4 === undefined ? value : (value & ~0xffffffffn) | tailV4;
}

export function formatIp(family: IpFamily, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(Number((value >> shift) & 0xffffn));
  return compressIpv6(groups);
}

/** RFC 5952: the longest run (of two or more) zero groups becomes `::`, the first such run on ties. */
function compressIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** `first-last`, the way netpol-analyzer names an external address range. */
export function formatRange(range: IpRange): string {
  return `${formatIp(range.family, range.start)}-${formatIp(range.family, range.end)}`;
}

export function rangeContains(outer: IpRange, inner: IpRange): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * Splits both address families into the fewest ranges such that no range
 * straddles a boundary of the given ranges: every ipBlock then either contains a
 * range entirely or not at all. IPv4 first, then IPv6, each in address order.
 */
export function splitAddressSpace(cuts: readonly IpRange[]): IpRange[] {
  const atoms: IpRange[] = [];
  for (const family of [4, 6] as const) {
    const points = new Set<bigint>([0n]);
    for (const cut of cuts) {
      if (cut.family !== family) continue;
      points.add(cut.start);
      if (cut.end < MAX[family]) points.add(cut.end + 1n);
    }
    const sorted = [...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    sorted.forEach((start, i) => atoms.push({ family, start, end: i + 1 < sorted.length ? sorted[i + 1]! - 1n : MAX[family] }));
  }
  return atoms;
}
