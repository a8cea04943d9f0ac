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
    const key = a < b ? a * BOUND + b : b * BOUND + a;
    let id = this.unions.get(key);
    if (id === undefined) {
      id = this.intern(unionConnections(this.get(a), this.get(b)));
      this.unions.set(key, id);
    }
    return id;
  }

  intersect(a: ConnId, b: ConnId): ConnId {
    if (a === b || b === ALL || a === NONE) return a;
    if (a === ALL || b === NONE) return b;
    const key = a < b ? a * BOUND + b : b * BOUND + a;
    let id = this.intersections.get(key);
    if (id === undefined) {
      id = this.intern(intersectConnections(this.get(a), this.get(b)));
      this.intersections.set(key, id);
    }
    return id;
  }

  /** `a` without `b`. Not symmetric, so the memo key keeps the order. */
  subtract(a: ConnId, b: ConnId): ConnId {
    if (a === NONE || b === NONE) return a;
    if (b === ALL || a === b) return NONE;
    const key = a * BOUND + b;
    let id = this.differences.get(key);
    if (id === undefined) {
      id = this.intern(subtractConnections(this.get(a), this.get(b)));
      this.differences.set(key, id);
    }
    return id;
  }
}
