/**
 * Sets of ports as sorted, disjoint, non-adjacent closed intervals, flattened as
 * [start0, end0, start1, end1, ...]. Interval arithmetic keeps every set small
 * however wide its ranges are (an endPort range of 60,000 ports is two numbers).
 */

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export type PortSet = readonly number[];

export const NO_PORTS: PortSet = [];
export const ALL_PORTS: PortSet = [MIN_PORT, MAX_PORT];

/** The ports `start..end`, clipped to 1..65535; empty when the range is. */
export function portRange(start: number, end: number = start): PortSet {
  const s = Math.max(start, MIN_PORT);
  const e = Math.min(end, MAX_PORT);
  return s <= e ? [s, e] : NO_PORTS;
}

export function isEmptyPorts(set: PortSet): boolean {
  return set.length === 0;
}

export function isAllPorts(set: PortSet): boolean {
  return set.length === 2 && set[0] === MIN_PORT && set[1] === MAX_PORT;
}

export function unionPorts(a: PortSet, b: PortSet): PortSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i += 2) pairs.push([a[i]!, a[i + 1]!]);
  for (let i = 0; i < b.length; i += 2) pairs.push([b[i]!, b[i + 1]!]);
  pairs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const last = out.length - 1;
    // Adjacent ranges merge too (80-80 and 81-90 are 80-90), so equal sets are equal arrays.
    if (last > 0 && s <= out[last]! + 1) out[last] = Math.max(out[last]!, e);
    else out.push(s, e);
  }
  return out;
}

export function intersectPorts(a: PortSet, b: PortSet): PortSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const s = Math.max(a[i]!, b[j]!);
    const e = Math.min(a[i + 1]!, b[j + 1]!);
    if (s <= e) out.push(s, e);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/** The ports of `a` that are not in `b`. */
export function subtractPorts(a: PortSet, b: PortSet): PortSet {
  if (a.length === 0 || b.length === 0) return a;
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let start = a[i]!;
    const end = a[i + 1]!;
    // Skip the holes that end before this range; they cannot cut it or any later one.
    while (j < b.length && b[j + 1]! < start) j += 2;
    let k = j;
    while (k < b.length && b[k]! <= end && start <= end) {
      if (b[k]! > start) out.push(start, b[k]! - 1);
      start = Math.max(start, b[k + 1]! + 1);
      k += 2;
    }
    if (start <= end) out.push(start, end);
  }
  return out;
}

export function portsContain(set: PortSet, port: number): boolean {
  for (let i = 0; i < set.length; i += 2) {
    if (port >= set[i]! && port <= set[i + 1]!) return true;
  }
  return false;
}

export function samePorts(a: PortSet, b: PortSet): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** `80,8080-8081` as netpol-analyzer prints port lists. */
export function formatPorts(set: PortSet): string {
  const parts: string[] = [];
  for (let i = 0; i < set.length; i += 2) parts.push(set[i] === set[i + 1] ? `${set[i]}` : `${set[i]}-${set[i + 1]}`);
  return parts.join(',');
}
