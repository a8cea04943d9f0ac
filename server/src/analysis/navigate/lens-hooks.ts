/**
 * What the code lenses above each policy (services/code-lens.ts) ask of each dialect:
 * which lenses a policy gets, and, when the editor shows one, its title and the
 * workloads it opens as references.
 */
import type { Finding } from '../../core/finding';
import type { ReachEngine } from '../../evaluate/reach-engine';
import type { ReachWorkload } from '../../evaluate/types';
import { plural } from '../complete/candidate';
import type { FileAnalysis } from '../file-analysis';
import type { Universe } from './universe';

/** `selects`: the workloads the policy selects; `flows`: the workloads its rules let traffic come from or go to. */
export type LensKind = 'selects' | 'flows';

export interface LensQuery<P> {
  readonly analysis: FileAnalysis;
  readonly policy: P;
  /** The file as the workspace spells its uri. */
  readonly uri: string;
  readonly lens: LensKind;
  /** Why the API server would reject the policy (analysis/rejections.ts); empty when it would store it. */
  readonly rejections: readonly Finding[];
  readonly engine: ReachEngine;
  readonly universe: Universe;
}

export interface LensAnswer {
  readonly title: string;
  readonly workloads: readonly ReachWorkload[];
}

export interface LensHooks<P> {
  /** The lenses above each of its policies, in order. */
  readonly kinds: readonly LensKind[];
  /** Whether its policies also get the reachability panel's "Show reachability" lens. */
  readonly showReachability: boolean;
  resolve(query: LensQuery<P>): LensAnswer;
}

/** `no workload`, `1 workload`, `3 workloads`. */
export function workloadCount(count: number): string {
  return count === 0 ? 'no workload' : plural(count, 'workload');
}

/** A rejected policy selects nothing; its other lens says it is ignored, so this one only says whom it was written for. */
export function rejectedSelects(count: number): string {
  return `written for ${workloadCount(count)}`;
}
