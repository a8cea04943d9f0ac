/**
 * The workloads of an index by namespace, and within a namespace by distinct pod label
 * set: a selector is tested once per label set instead of once per workload, and a
 * namespace's workloads are found without a pass over the whole workspace. Answers
 * keep the workspace's order, so callers see what a filter over all workloads gave.
 */
import { selectorMatches, type CompiledSelector, type LabelSet } from '../model/selectors';
import type { ReachWorkload } from '../evaluate/types';

interface NamespaceEntry<W> {
  readonly workloads: W[];
  /** Per distinct label set, the positions of its workloads in `workloads`. */
  readonly byLabels: Map<string, { readonly labels: LabelSet; readonly members: number[] }>;
}

export class WorkloadsByNamespace<W extends ReachWorkload> {
  private readonly entries = new Map<string, NamespaceEntry<W>>();
  private static last: { readonly workloads: readonly ReachWorkload[]; readonly value: WorkloadsByNamespace<ReachWorkload> } | undefined;

  /**
   * The index is rebuilt after every change, and an edit to a policy leaves every
   * workload the same object: the last answer is then reused (a pass of identity
   * comparisons instead of regrouping the whole workspace on each keystroke).
   */
  static of<W extends ReachWorkload>(workloads: readonly W[]): WorkloadsByNamespace<W> {
    const last = WorkloadsByNamespace.last;
    if (last && sameItems(last.workloads, workloads)) return last.value as WorkloadsByNamespace<W>;
    const value = new WorkloadsByNamespace(workloads);
    WorkloadsByNamespace.last = { workloads, value };
    return value;
  }

  private constructor(workloads: readonly W[]) {
    for (const w of workloads) {
      let entry = this.entries.get(w.namespace);
      if (!entry) {
        entry = { workloads: [], byLabels: new Map() };
        this.entries.set(w.namespace, entry);
      }
      let group = entry.byLabels.get(w.labels.key);
      if (!group) {
        group = { labels: w.labels, members: [] };
        entry.byLabels.set(w.labels.key, group);
      }
      group.members.push(entry.workloads.length);
      entry.workloads.push(w);
    }
  }

  in(namespace: string): readonly W[] {
    return this.entries.get(namespace)?.workloads ?? [];
  }

  selectedBy(namespace: string, selector: CompiledSelector): W[] {
    const entry = this.entries.get(namespace);
    if (!entry) return [];
    const picked: number[] = [];
    for (const group of entry.byLabels.values()) if (selectorMatches(selector, group.labels)) picked.push(...group.members);
    if (entry.byLabels.size > 1) picked.sort((a, b) => a - b);
    return picked.map((i) => entry.workloads[i]!);
  }
}

/** The same objects in the same order. */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
