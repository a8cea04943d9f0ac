/** Completion in a cluster-wide policy: its version's field schema, and recipes in an empty document. */
import type { CompletionHooks } from '../../../analysis/complete/completion-hooks';
import { schemaDrafts } from '../../../analysis/complete/complete-schema';
import type { ClusterPolicy } from '../model/types';
import { ADMIN_POLICY, BASELINE_POLICY, CLUSTER_POLICY } from './field-schema';
import { clusterRecipeDrafts } from './recipes';

const ROOTS = { AdminNetworkPolicy: ADMIN_POLICY, BaselineAdminNetworkPolicy: BASELINE_POLICY, ClusterNetworkPolicy: CLUSTER_POLICY } as const;

export const clusterCompletion: CompletionHooks<ClusterPolicy> = {
  documentKind: (kind) => (kind !== undefined && kind in ROOTS ? 'own' : undefined),
  clusterScopedKinds: Object.keys(ROOTS),
  newDocument: (site) => clusterRecipeDrafts(site.place, site.universe),
  complete: (site) => schemaDrafts(site, { root: site.policy ? ROOTS[site.policy.kind] : kindRoot(site.text), values: () => [] }),
};

/** The schema for a document that does not parse into a policy yet: by the kind its text names. */
function kindRoot(text: string): (typeof ROOTS)[keyof typeof ROOTS] {
  const kind = /^kind:\s*(\w+)/m.exec(text)?.[1];
  return kind === 'BaselineAdminNetworkPolicy' ? BASELINE_POLICY : kind === 'ClusterNetworkPolicy' ? CLUSTER_POLICY : ADMIN_POLICY;
}
