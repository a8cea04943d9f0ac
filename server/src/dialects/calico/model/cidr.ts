/**
 * IP addresses and CIDRs as Calico's `nets` accept them: an address with or
 * without a prefix length, read by Go's strict parser (no leading zeros). Calico
 * also checks that a network is "strictly masked", with no host bits set after the
 * prefix (`10.0.0.0/8`, not `10.0.0.1/8`); that is the net's `hostBitsSet`, which
 * the nets check reports. The grammar and arithmetic are analysis/net's.
 */
import { cidrOrUndefined, type Cidr, type CidrOptions } from '../../../core/net/cidr';

const CALICO_NETS: CidrOptions = { prefixOptional: true };

export type ParsedNet = Cidr;

export function parseNet(text: string): ParsedNet | undefined {
  return cidrOrUndefined(text, CALICO_NETS);
}
