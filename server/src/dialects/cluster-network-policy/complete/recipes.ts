/**
 * Whole cluster-wide policies as recipes: a cluster-wide deny into a sensitive
 * namespace, monitoring allowed from one namespace everywhere, and a baseline that
 * denies traffic between namespaces unless NetworkPolicies allow it.
 */
import type { CandidateDraft } from '../../../analysis/complete/candidate';
import type { CursorPlace } from '../../../analysis/complete/yaml-cursor';
import type { RecipeHooks, RenderedRecipe } from '../../../analysis/complete/completion-hooks';
import type { Universe } from '../../../analysis/navigate/universe';

function recipes(namespaces: readonly string[]): RenderedRecipe[] {
  const choice = (fallback: string): string => `\${1|${[...new Set([fallback, ...namespaces])].join(',')}|}`;
  return [
    {
      id: 'cluster-deny-into-namespace',
      kind: 'policy',
      title: 'Cluster-wide: deny all traffic into a sensitive namespace',
      description: 'An AdminNetworkPolicy that denies ingress into one namespace from every other namespace. Admin Deny is final: no NetworkPolicy can open it again.',
      snippet: `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: \${2:protect-sensitive}\nspec:\n  priority: \${3:10}\n  subject:\n    namespaces:\n      matchLabels:\n        kubernetes.io/metadata.name: ${choice('vault')}\n  ingress:\n    - name: same-namespace\n      action: Pass\n      from:\n        - namespaces:\n            matchLabels:\n              kubernetes.io/metadata.name: \${1}\n    - name: everyone-else\n      action: Deny\n      from:\n        - namespaces: {}`,
    },
    {
      id: 'cluster-allow-monitoring',
      kind: 'policy',
      title: 'Cluster-wide: allow monitoring from one namespace everywhere',
      description: 'An AdminNetworkPolicy that allows ingress from the monitoring namespace to every pod on the metrics port, whatever the NetworkPolicies say.',
      snippet: `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata:\n  name: \${2:allow-monitoring}\nspec:\n  priority: \${3:5}\n  subject:\n    namespaces: {}\n  ingress:\n    - name: scrape\n      action: Allow\n      from:\n        - namespaces:\n            matchLabels:\n              kubernetes.io/metadata.name: ${choice('monitoring')}\n      ports:\n        - portNumber: {protocol: TCP, port: \${4:9090}}`,
    },
    {
      id: 'baseline-deny-between-namespaces',
      kind: 'policy',
      title: 'Baseline: deny ingress between namespaces by default',
      description: 'The BaselineAdminNetworkPolicy (named `default`): ingress from every namespace but the system ones is denied, unless a NetworkPolicy selects the destination pod (then that NetworkPolicy decides). Teams open what they need with NetworkPolicies.',
      snippet: `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata:\n  name: default\nspec:\n  subject:\n    namespaces: {}\n  ingress:\n    - name: deny-by-default\n      action: Deny\n      from:\n        - namespaces:\n            matchExpressions:\n              - {key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system, ${choice('monitoring')}]}`,
    },
  ];
}

function namespaceNames(universe: Universe | undefined): string[] {
  return universe ? [...universe.namespaces.keys()].filter((n) => !n.startsWith('kube-')) : [];
}

export const clusterRecipes: RecipeHooks = {
  render: (universe) => ({ recipes: recipes(namespaceNames(universe)), namespace: '' }),
};

/** The recipes as completion items in an empty document. */
export function clusterRecipeDrafts(place: CursorPlace, universe: Universe | undefined): CandidateDraft[] {
  if (place.column !== 0 || place.mode !== 'key' || place.path.length > 0) return [];
  return recipes(namespaceNames(universe)).map((r) => ({
    label: r.title,
    kind: 'snippet',
    detail: 'recipe: cluster-wide policy',
    documentation: r.description,
    insertText: r.snippet,
    snippet: true,
    filterText: `${r.title} AdminNetworkPolicy BaselineAdminNetworkPolicy ${r.id}`,
  }));
}
