/**
 * IP addresses and CIDRs as the API server reads them for ipBlock.
 *
 * Kubernetes validates ipBlock.cidr and except with netutils.ParseCIDRSloppy: IPv4
 * octets may carry leading zeros (read as decimal), the prefix length may too, and
 * a value with host bits set ("10.0.0.1/24") is accepted and silently masked to its
 * network ("10.0.0.0/24"). The stricter check (feature gate StrictIPCIDRValidation) is
 * alpha and off by default, so those forms are warnings here, not errors, exactly
 * like the warnings the API server itself returns for them.
 */

export type IpFamily = 4 | 6;

export interface IpAddress {
  readonly family: IpFamily;
  /** 4 or 16 bytes, network order. */
  readonly bytes: readonly number[];
  /** Why the text is accepted but not standard (leading zeros, IPv4-mapped IPv6). */
  readonly nonStandard?: string;
}

export interface Cidr {
  readonly family: IpFamily;
  readonly prefix: number;
  /** The address with host bits cleared: what the API server actually uses. */
  readonly network: readonly number[];
  readonly hostBitsSet: boolean;
  readonly nonStandard?: string;
  /** `network/prefix` in canonical text (RFC 5952 for IPv6). */
  readonly canonical: string;
}

export function parseIp(text: string): IpAddress | undefined {
  if (text.includes(':')) return parseIpv6(text);
  const bytes = parseIpv4(text);
  if (!bytes) return undefined;
  const leadingZeros = text.split('.').some((part) => part.length > 1 && part.startsWith('0'));
  return { family: 4, bytes, ...(leadingZeros && { nonStandard: 'an IPv4 octet has leading zeros' }) };
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return bytes;
}

function parseIpv6(text: string): IpAddress | undefined {
  if (text.includes('%')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const total = head.length + tail.length;
  if (halves.length === 1 ? total !== 16 : total > 14) return undefined;
  const bytes = [...head, ...new Array<number>(16 - total).fill(0), ...tail];
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return { family: 6, bytes, ...(mapped && { nonStandard: 'it is an IPv4-mapped IPv6 address' }) };
}

/** The bytes of colon-separated hex groups, where the last group may be dotted IPv4. */
function groups(text: string): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const bytes: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return undefined;
      bytes.push(...v4);
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
    const value = parseInt(part, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  return bytes;
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!ip || !/^[0-9]+$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > ip.bytes.length * 8) return undefined;
  const network = maskBytes(ip.bytes, prefix);
  const hostBitsSet = network.some((b, i) => b !== ip.bytes[i]);
  const nonStandard = ip.nonStandard ?? (prefixText.length > 1 && prefixText.startsWith('0') ? 'the prefix length has leading zeros' : undefined);
  return { family: ip.family, prefix, network, hostBitsSet, ...(nonStandard && { nonStandard }), canonical: `${formatIp(network)}/${prefix}` };
}

function maskBytes(bytes: readonly number[], prefix: number): number[] {
  return bytes.map((b, i) => {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    return b & ((0xff << (8 - bits)) & 0xff);
  });
}

/** Whether `inner` lies inside `outer` (same family, at least as long a prefix). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) return false;
  const masked = maskBytes(inner.network, outer.prefix);
  return masked.every((b, i) => b === outer.network[i]);
}

/** The API server's rule for `except`: inside `cidr` and strictly smaller. */
export function isStrictSubset(outer: Cidr, inner: Cidr): boolean {
  return cidrContains(outer, inner) && inner.prefix > outer.prefix;
}

export function ipInCidr(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.family !== ip.family) return false;
  return maskBytes(ip.bytes, cidr.prefix).every((b, i) => b === cidr.network[i]);
}

/** Dotted quad for IPv4; RFC 5952 for IPv6 (lower case, longest zero run compressed). */
export function formatIp(bytes: readonly number[]): string {
  if (bytes.length === 4) return bytes.join('.');
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push((bytes[i]! << 8) | bytes[i + 1]!);
  const [runStart, runLength] = longestZeroRun(words);
  if (runLength < 2) return words.map((w) => w.toString(16)).join(':');
  const head = words.slice(0, runStart).map((w) => w.toString(16)).join(':');
  const tail = words.slice(runStart + runLength).map((w) => w.toString(16)).join(':');
  return `${head}::${tail}`;
}

function longestZeroRun(words: readonly number[]): [number, number] {
  let best: [number, number] = [-1, 0];
  let start = -1;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && words[i] === 0) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start > best[1]) best = [start, i - start];
    start = -1;
  }
  return best;
}
