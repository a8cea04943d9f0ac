/** What navigation answers with (locations) and what it may look at (the world). */
import type { CalicoPolicy } from '../../dialects/calico/model/types';
import type { NetworkPolicy, Span } from '../../model/types';
import type { Universe } from './universe';

export interface NavLocation {
  readonly uri: string;
  /** The whole target (a workload object, a policy's podSelector, a peer). */
  readonly span: Span;
  /** Where the cursor lands: pod template labels, a selector key, a namespace name. */
  readonly selection: Span;
}

/** Everything navigation may look at: the workspace's workloads and its policies with their files. */
export interface NavWorld {
  readonly universe: Universe;
  readonly policies: readonly { readonly uri: string; readonly policy: NetworkPolicy }[];
  readonly calicoPolicies: readonly { readonly uri: string; readonly policy: CalicoPolicy }[];
}
