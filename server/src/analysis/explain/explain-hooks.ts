/** What the hover (analysis/explain/explain-at.ts) asks of each dialect. */
import type { Finding } from '../../core/finding';
import type { ObjectRef } from '../../model/types';
import type { ExplainOptions, Explanation } from './types';
import type { ClusterProfile } from '../profile/cluster-profile';

/** One dialect's policies of a file, and a cursor offset in it. */
export interface ExplainSite<P> {
  readonly text: string;
  readonly policies: readonly P[];
  /** Why the API server would reject the policy at `ref` (analysis/rejections.ts); empty when it would store it. */
  readonly rejectionsOf: (ref: ObjectRef) => readonly Finding[];
  /** The cluster profile, when known (hovers on address ranges say what reachability assumed). */
  readonly profile?: ClusterProfile;
}

export interface ExplainHooks<P> {
  /**
   * The Markdown for the node of one of the dialect's policies under `offset` and that
   * node's span, or null when none of its policies has a node there. A rejected policy's
   * hover leads with the rejection (rejected-lead.ts).
   */
  explainAt(site: ExplainSite<P>, offset: number, options: ExplainOptions): Explanation | null;
}
