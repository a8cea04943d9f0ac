/**
 * The destinations a source reaches, as positions in the sorted node list, found once
 * per source cell (a pod class or an external range) instead of once per source node.
 *
 * Sources come sorted by id, so the workloads of one namespace come together and cycle
 * through that namespace's few classes: the answers of the most recent cells are kept
 * (LRU), which finds nearly every class again without holding a list per class.
 */
import { NONE } from '../ir/connection-table';
import type { ReachNode } from './reach-nodes';

/** The matrix's cells, as the enumeration reads them. */
interface Cells {
  cell(s: number, t: number): number;
}

const KEPT = 64;

export class AllowedTargets {
  /** Per cell, the positions of its nodes in the sorted node list, ascending. */
  private readonly positions: number[][];
  private readonly kept = new Map<number, Int32Array>();

  constructor(
    private readonly matrix: Cells,
    private readonly classCount: number,
    private readonly cellCount: number,
    nodes: readonly ReachNode[],
  ) {
    this.positions = Array.from({ length: cellCount }, () => []);
    nodes.forEach((node, i) => this.positions[node.cell]!.push(i));
  }

  /** Positions of the nodes whose cell `source` reaches with some connection, ascending (the source's own node included). */
  of(source: number): Int32Array {
    let found = this.kept.get(source);
    if (found) {
      // Most recently used last.
      this.kept.delete(source);
      this.kept.set(source, found);
      return found;
    }
    found = this.find(source);
    this.kept.set(source, found);
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
    return found;
  }

  private find(source: number): Int32Array {
    // Between two external ranges nothing is listed: an external source reaches pods only.
    const limit = source < this.classCount ? this.cellCount : this.classCount;
    const picked: number[] = [];
    let cells = 0;
    for (let t = 0; t < limit; t++) {
      if (this.matrix.cell(source, t) === NONE) continue;
      cells++;
      for (const position of this.positions[t]!) picked.push(position);
    }
    const result = Int32Array.from(picked);
    return cells > 1 ? result.sort() : result;
  }
}
