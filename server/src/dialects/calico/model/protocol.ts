/**
 * What Calico makes of a rule's `protocol` / `notProtocol`: a name (case
 * sensitive: `TCP`, not `tcp`) or a number 1-255, written as a YAML number or a
 * string of digits. Only TCP, UDP and SCTP (6, 17, 132) have ports; Calico rejects
 * a rule with ports and any other protocol, or none.
 */
const PROTOCOL_NAMES = ['TCP', 'UDP', 'ICMP', 'ICMPv6', 'SCTP', 'UDPLite'] as const;

export type ProtocolName = (typeof PROTOCOL_NAMES)[number];

export const PROTOCOL_NUMBERS: Readonly<Record<ProtocolName, number>> = { TCP: 6, UDP: 17, ICMP: 1, ICMPv6: 58, SCTP: 132, UDPLite: 136 };

const PORT_PROTOCOL_NUMBERS: ReadonlySet<number> = new Set([6, 17, 132]);

export interface ProtocolInfo {
  /** The protocol number, when the value is valid. */
  readonly number?: number;
  /** The name, when written as a name or when the number has one (6 -> TCP). */
  readonly name?: ProtocolName;
  readonly supportsPorts: boolean;
  /** Why Calico rejects the value; absent when it is valid. */
  readonly problem?: string;
}

export function interpretProtocol(value: string | number): ProtocolInfo {
  if (typeof value === 'number' || /^\d+$/.test(value)) return fromNumber(Number(value), value);
  const name = PROTOCOL_NAMES.find((n) => n === value);
  if (name) return { name, number: PROTOCOL_NUMBERS[name], supportsPorts: PORT_PROTOCOL_NUMBERS.has(PROTOCOL_NUMBERS[name]) };
  const folded = PROTOCOL_NAMES.find((n) => n.toLowerCase() === value.toLowerCase());
  const hint = folded ? ` Protocol names are case sensitive: write "${folded}".` : ` Use ${PROTOCOL_NAMES.join(', ')} or a number from 1 to 255.`;
  return { supportsPorts: false, problem: `Unknown protocol "${value}".${hint}` };
}

function fromNumber(number: number, written: string | number): ProtocolInfo {
  if (!Number.isInteger(number) || number < 1 || number > 255) {
    return { supportsPorts: false, problem: `Protocol number ${String(written)} is out of range: use 1 to 255 (0 is not a protocol).` };
  }
  const name = PROTOCOL_NAMES.find((n) => PROTOCOL_NUMBERS[n] === number);
  return { number, ...(name && { name }), supportsPorts: PORT_PROTOCOL_NUMBERS.has(number) };
}
