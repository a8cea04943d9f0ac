/**
 * What one connection set has that another lacks, for the what-if view: the
 * flows an unsaved edit adds (after minus before) and removes (before minus after).
 */
import type { ConnectionSet } from '../analysis/reach/connection-set';
import type { PortSet } from '../analysis/reach/port-set';

/** `a` without `b`: both are sorted, disjoint, merged intervals, so one sweep suffices. */
export function subtractPorts(a: PortSet, b: PortSet): PortSet {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let start = a[i]!;
    const end = a[i + 1]!;
    // Skip the intervals of b that end before this one starts.
    while (j < b.length && b[j + 1]! < start) j += 2;
    let k = j;
    while (start <= end && k < b.length && b[k]! <= end) {
      if (b[k]! > start) out.push(start, b[k]! - 1);
      start = Math.max(start, b[k + 1]! + 1);
      k += 2;
    }
    if (start <= end) out.push(start, end);
  }
  return out;
}

export function subtractConnections(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
  return { SCTP: subtractPorts(a.SCTP, b.SCTP), TCP: subtractPorts(a.TCP, b.TCP), UDP: subtractPorts(a.UDP, b.UDP) };
}
