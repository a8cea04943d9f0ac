/**
 * IP protocols other than the ones the connection model names (ICMP 1, TCP 6,
 * UDP 17, ICMPv6 58, SCTP 132), as a set of protocol numbers: GRE (47), ESP (50),
 * UDPLite (136) and the rest, which a dialect may let rules match by number. Kept
 * as intervals like a port set, so "every other protocol" is five pairs of numbers.
 */
import { formatPorts, intersectPorts, samePorts, subtractPorts, type PortSet } from './port-set';

export type ProtocolNumberSet = PortSet;

/** The protocol numbers the connection model keeps in a dimension of their own. */
export const NAMED_PROTOCOL_NUMBERS: Readonly<Record<number, 'ICMP' | 'TCP' | 'UDP' | 'ICMPv6' | 'SCTP'>> = { 1: 'ICMP', 6: 'TCP', 17: 'UDP', 58: 'ICMPv6', 132: 'SCTP' };

export const NO_OTHER_PROTOCOLS: ProtocolNumberSet = [];
/** 1-255 without the named ones (0 is IPv6's hop-by-hop header, no protocol a rule can name). */
export const ALL_OTHER_PROTOCOLS: ProtocolNumberSet = [2, 5, 7, 16, 18, 57, 59, 131, 133, 255];

/** The one protocol `number`, when it is an other protocol; nothing otherwise. */
export function otherProtocol(number: number): ProtocolNumberSet {
  return Number.isInteger(number) ? intersectPorts(ALL_OTHER_PROTOCOLS, [number, number]) : NO_OTHER_PROTOCOLS;
}

/**
 * `other protocols` for all of them, `protocol 47,50-51` for a few, and
 * `other protocols but 47` when the set lacks fewer than it holds.
 */
export function formatOtherProtocols(set: ProtocolNumberSet): string {
  if (samePorts(set, ALL_OTHER_PROTOCOLS)) return 'other protocols';
  const held = formatPorts(set);
  const missing = formatPorts(subtractPorts(ALL_OTHER_PROTOCOLS, set));
  return missing.length < held.length ? `other protocols but ${missing}` : `protocol ${held}`;
}
