/**
 * Interned connection sets. The engine's matrices hold small integer ids; union
 * and intersection of two ids are computed once and remembered, so filling a
 * matrix of millions of cells costs a few thousand real set operations.
 */
import { ALL_CONNECTIONS, connectionKey, intersectConnections, NO_CONNECTIONS, subtractConnections, unionConnections, type ConnectionSet } from './connection-set';

export type ConnId = number;
export const NONE: ConnId = 0;
export const ALL: ConnId = 1;

/** Ids stay far below this bound (one id per distinct set), so `a * BOUND + b` is an exact integer. */
const BOUND = 2 ** 26;

export class ConnectionTable {
  private readonly sets: ConnectionSet[] = [];
  private readonly ids = new Map<string, ConnId>();
  private readonly unions = new Map<number, ConnId>();
  private readonly intersections = new Map<number, ConnId>();
  private readonly differences = new Map<number, ConnId>();

  constructor() {
    this.intern(NO_CONNECTIONS);
    this.intern(ALL_CONNECTIONS);
  }

  intern(set: ConnectionSet): ConnId {
    const key = connectionKey(set);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.sets.length;
    this.sets.push(set);
    this.ids.set(key, id);
    return id;
  }

  get(id: ConnId): ConnectionSet {
    return this.sets[id] ?? NO_CONNECTIONS;
  }

  union(a: ConnId, b: ConnId): ConnId {
    if (a === b || b === NONE || a === ALL) return a;
    if (a === NONE || b === ALL) return b;
    return this.memoized(this.unions, symmetricKey(a, b), unionConnections, a, b);
  }

  intersect(a: ConnId, b: ConnId): ConnId {
    if (a === b || b === ALL || a === NONE) return a;
    if (a === ALL || b === NONE) return b;
    return this.memoized(this.intersections, symmetricKey(a, b), intersectConnections, a, b);
  }

  /** `a` without `b`. Not symmetric, so the memo key keeps the order. */
  subtract(a: ConnId, b: ConnId): ConnId {
    if (a === NONE || b === NONE) return a;
    if (b === ALL || a === b) return NONE;
    return this.memoized(this.differences, a * BOUND + b, subtractConnections, a, b);
  }

  /** `operation(a, b)`, computed and interned once per pair of ids (no closure: this is the engine's hot path). */
  private memoized(memo: Map<number, ConnId>, key: number, operation: (x: ConnectionSet, y: ConnectionSet) => ConnectionSet, a: ConnId, b: ConnId): ConnId {
    let id = memo.get(key);
    if (id === undefined) {
      id = this.intern(operation(this.get(a), this.get(b)));
      memo.set(key, id);
    }
    return id;
  }
}

/** One memo key for (a, b) and (b, a), for the operations where the order does not matter. */
function symmetricKey(a: ConnId, b: ConnId): number {
  return a < b ? a * BOUND + b : b * BOUND + a;
}
