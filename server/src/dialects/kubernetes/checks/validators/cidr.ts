/**
 * IP addresses and CIDRs as the API server reads them for ipBlock.
 *
 * Kubernetes validates ipBlock.cidr and except with netutils.ParseCIDRSloppy: IPv4
 * octets may carry leading zeros (read as decimal), the prefix length may too, and
 * a value with host bits set ("10.0.0.1/24") is accepted and silently masked to its
 * network ("10.0.0.0/24"). The stricter check (feature gate StrictIPCIDRValidation) is
 * alpha and off by default, so those forms are warnings here, not errors, exactly
 * like the warnings the API server itself returns for them.
 *
 * The grammar and the arithmetic are analysis/net's; this file holds only that rule:
 * which options the sloppy parser means, and which flags become `nonStandard`.
 */
import { cidrContains, cidrContainsAddress, cidrOrUndefined, formatCidr, isStrictSubset, type Cidr as NetCidr, type CidrOptions } from '../../../../core/net/cidr';
import { formatIpAddress, parseIpAddress, type IpFamily } from '../../../../core/net/ip-address';

export type { IpFamily };
export { cidrContains, isStrictSubset };

/** ParseCIDRSloppy: leading zeros in octets, and a prefix length of any number of digits. */
const SLOPPY: CidrOptions = { ipv4LeadingZeros: true, longPrefix: true };

export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
  /** 4 or 16 bytes, network order. */
  readonly bytes: readonly number[];
  /** Why the text is accepted but not standard (leading zeros, IPv4-mapped IPv6). */
  readonly nonStandard?: string;
}

export interface Cidr extends NetCidr {
  readonly nonStandard?: string;
  /** `network/prefix` in canonical text (RFC 5952 for IPv6): what the API server actually uses. */
  readonly canonical: string;
}

export function parseIp(text: string): IpAddress | undefined {
  const ip = parseIpAddress(text, SLOPPY);
  if (!ip) return undefined;
  const nonStandard = ip.family === 4 ? ip.leadingZeros && LEADING_ZEROS : ip.ipv4Mapped && MAPPED;
  return { family: ip.family, value: ip.value, bytes: toBytes(ip.family, ip.value), ...(nonStandard && { nonStandard }) };
}

const LEADING_ZEROS = 'an IPv4 octet has leading zeros';
const MAPPED = 'it is an IPv4-mapped IPv6 address';

export function parseCidr(text: string): Cidr | undefined {
  const cidr = cidrOrUndefined(text, SLOPPY);
  if (!cidr) return undefined;
  // As for a bare address, only an IPv4 text's own octets count as leading zeros.
  const address = cidr.family === 4 ? cidr.leadingZeros && LEADING_ZEROS : cidr.ipv4Mapped && MAPPED;
  const nonStandard = address || (cidr.prefixLeadingZeros ? 'the prefix length has leading zeros' : undefined);
  const { family, prefix, first, last, hostBitsSet } = cidr;
  return { family, prefix, first, last, hostBitsSet, ...(nonStandard && { nonStandard }), canonical: formatCidr(cidr) };
}

export function ipInCidr(cidr: Cidr, ip: IpAddress): boolean {
  return cidrContainsAddress(cidr, ip);
}

/** Dotted quad for IPv4; RFC 5952 for IPv6 (lower case, longest zero run compressed). */
export function formatIp(bytes: readonly number[]): string {
  const value = bytes.reduce((sum, byte) => (sum << 8n) | BigInt(byte), 0n);
  return formatIpAddress(bytes.length === 4 ? 4 : 6, value);
}

function toBytes(family: IpFamily, value: bigint): number[] {
  const count = family === 4 ? 4 : 16;
  return Array.from({ length: count }, (_, i) => Number((value >> BigInt(8 * (count - 1 - i))) & 0xffn));
}
