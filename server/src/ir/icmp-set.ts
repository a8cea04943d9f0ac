/**
 * Sets of ICMP (or ICMPv6) messages: a message is its type (0-255) and code
 * (0-255), encoded as `type * 256 + code`, so every type is one run of 256
 * numbers and a set is the same sorted interval list as a port set (port-set.ts's
 * interval arithmetic works on any integers). "All of ICMP" is [0, 65535].
 */
import { formatPorts, samePorts, unionPorts, type PortSet } from './port-set';

export type IcmpSet = PortSet;

const CODES = 256;
const MAX_ICMP_TYPE = 255;
const MAX_ICMP_CODE = 255;

export const NO_ICMP: IcmpSet = [];
export const ALL_ICMP: IcmpSet = [0, MAX_ICMP_TYPE * CODES + MAX_ICMP_CODE];

/** The messages an `icmp: {type, code}` match selects: every message without a type, every code of the type without a code. */
export function icmpMessages(type?: number, code?: number): IcmpSet {
  if (type === undefined) return ALL_ICMP;
  if (!validNumber(type, MAX_ICMP_TYPE)) return NO_ICMP;
  if (code === undefined) return [type * CODES, type * CODES + MAX_ICMP_CODE];
  return validNumber(code, MAX_ICMP_CODE) ? [type * CODES + code, type * CODES + code] : NO_ICMP;
}

export function icmpContains(set: IcmpSet, type: number, code: number): boolean {
  const key = type * CODES + code;
  for (let i = 0; i < set.length; i += 2) if (key >= set[i]! && key <= set[i + 1]!) return true;
  return false;
}

function validNumber(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= max;
}

/** The types whose every code is in the set, and the codes of each type that is only partly in it. */
interface IcmpParts {
  readonly wholeTypes: PortSet;
  readonly partialTypes: ReadonlyMap<number, PortSet>;
}

function partsOf(set: IcmpSet): IcmpParts {
  let wholeTypes: PortSet = [];
  const partialTypes = new Map<number, PortSet>();
  const addCodes = (type: number, first: number, last: number): void => {
    if (first === 0 && last === MAX_ICMP_CODE) wholeTypes = unionPorts(wholeTypes, [type, type]);
    else partialTypes.set(type, unionPorts(partialTypes.get(type) ?? [], [first, last]));
  };
  for (let i = 0; i < set.length; i += 2) {
    const start = set[i]!;
    const end = set[i + 1]!;
    const firstType = Math.floor(start / CODES);
    const lastType = Math.floor(end / CODES);
    if (firstType === lastType) {
      addCodes(firstType, start % CODES, end % CODES);
      continue;
    }
    addCodes(firstType, start % CODES, MAX_ICMP_CODE);
    if (lastType - firstType > 1) wholeTypes = unionPorts(wholeTypes, [firstType + 1, lastType - 1]);
    addCodes(lastType, 0, end % CODES);
  }
  return { wholeTypes, partialTypes };
}

/**
 * `ICMP` for every message; otherwise the whole types first, then each type that
 * is only partly in the set with its codes, by type:
 * `ICMP type 0,8`, `ICMP type 3 code 1,3-4`, `ICMPv6 type 128,ICMPv6 type 1 code 4`.
 */
export function formatIcmp(name: string, set: IcmpSet): string {
  if (samePorts(set, ALL_ICMP)) return name;
  const { wholeTypes, partialTypes } = partsOf(set);
  const parts: string[] = [];
  if (wholeTypes.length > 0) parts.push(`${name} type ${formatPorts(wholeTypes)}`);
  const partial = [...partialTypes.keys()].sort((a, b) => a - b);
  for (const type of partial) parts.push(`${name} type ${type} code ${formatPorts(partialTypes.get(type)!)}`);
  return parts.join(',');
}
