/**
 * IPv4 and IPv6 addresses as bigint, CIDRs as closed bigint intervals, and the
 * text forms netpol-analyzer prints (`10.0.0.0-10.255.255.255`; IPv6 in the
 * RFC 5952 short form). Parsing is analysis/net's with its default, Go's
 * net.ParseCIDR, which the API server uses for the policies it stores: no leading
 * zeros in IPv4, host bits allowed (they are masked off).
 */
import { cidrOrUndefined, type Cidr } from '../core/net/cidr';
import { formatIpAddress, maxAddress, parseIpAddress, type IpAddress, type IpFamily } from '../core/net/ip-address';

export type { IpFamily };

export interface IpRange {
  readonly family: IpFamily;
  readonly start: bigint;
  readonly end: bigint;
}

export function parseIp(text: string): IpAddress | undefined {
  return parseIpAddress(text);
}

/** `10.0.0.0/8` -> 10.0.0.0..10.255.255.255; undefined when Go's ParseCIDR would fail. */
export function parseCidr(text: string): IpRange | undefined {
  const cidr = cidrOrUndefined(text);
  return cidr && rangeOf(cidr);
}

/** The addresses of a CIDR parsed by analysis/net (with whatever options its reader uses). */
export function rangeOf(cidr: Cidr): IpRange {
  return { family: cidr.family, start: cidr.first, end: cidr.last };
}

export function formatIp(family: IpFamily, value: bigint): string {
  return formatIpAddress(family, value);
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
    const max = maxAddress(family);
    const points = new Set<bigint>([0n]);
    for (const cut of cuts) {
      if (cut.family !== family) continue;
      points.add(cut.start);
      if (cut.end < max) points.add(cut.end + 1n);
    }
    const sorted = [...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    sorted.forEach((start, i) => atoms.push({ family, start, end: i + 1 < sorted.length ? sorted[i + 1]! - 1n : max }));
  }
  return atoms;
}
