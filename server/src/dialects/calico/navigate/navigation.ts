/**
 * Go to Definition and Find References in Calico policies: a selector leads to the
 * workloads (or namespaces) it matches, in the scope its place gives it; a workload
 * leads to the endpoint selectors that match it.
 */
import { classesIn, type Universe } from '../../../analysis/navigate/universe';
import { rejectedSelects, workloadCount, type LensHooks } from '../../../analysis/navigate/lens-hooks';
import { namespaceLocations, policyNamespace, workloadLocations, type NavigationHooks, type NavLocation, type PodsOf, type PolicyNavTarget } from '../../../analysis/navigate/nav-world';
import type { ReachNamespace, ReachWorkload } from '../../../evaluate/types';
import { policySelectors, selectorAt, type PlacedSelector } from '../model/selectors';
import type { CalicoPolicy, CalicoSelector } from '../model/types';
import { evaluateSelector } from '../selector/evaluate';
import { calicoNamespaceLabels } from './namespace-labels';

function calicoNamespacesPicked(selector: CalicoSelector | undefined, universe: Universe): ReachNamespace[] {
  const all = [...universe.namespaces.values()];
  if (!selector || !selector.parse.ok) return all;
  const ast = selector.parse.ast;
  return all.filter((ns) => evaluateSelector(ast, calicoNamespaceLabels(ns)));
}

/** The namespaces whose endpoints a Calico selector looks at, by where it sits. */
function calicoScope(policy: CalicoPolicy, placed: PlacedSelector, universe: Universe): string[] {
  const entityNamespaces = placed.entity ? placed.rule?.[placed.entity]?.namespaceSelector : undefined;
  const global = policy.kind === 'GlobalNetworkPolicy';
  const chosen = entityNamespaces ?? (global ? policy.spec.namespaceSelector : undefined);
  if (chosen) return calicoNamespacesPicked(chosen, universe).map((ns) => ns.name);
  return global ? [...universe.namespaces.keys()] : [policyNamespace(policy)];
}

/** Workloads a Calico endpoint selector (selector or notSelector) picks. */
function calicoWorkloads(policy: CalicoPolicy, placed: PlacedSelector, universe: Universe): ReachWorkload[] {
  const parse = placed.selector.parse;
  if (!parse.ok) return [];
  const negate = placed.selector.role === 'entity-not-selector';
  const classes = classesIn(universe, calicoScope(policy, placed, universe));
  return classes.filter((c) => evaluateSelector(parse.ast, c.labels) !== negate).flatMap((c) => c.workloads);
}

function targetAt(policies: readonly CalicoPolicy[], _text: string, offset: number): PolicyNavTarget | undefined {
  const policy = policies.find((p) => p.ref.node.span.start <= offset && offset < p.ref.node.span.end);
  const placed = policy ? selectorAt([policy], offset) : undefined;
  if (!policy || !placed) return undefined;
  const { keySpan, span } = placed.selector;
  const onKey = offset >= keySpan.start && offset <= keySpan.end;
  return { span: onKey ? keySpan : span, targets: (universe) => selectorTargets(policy, placed, universe) };
}

function selectorTargets(policy: CalicoPolicy, placed: PlacedSelector, universe: Universe): NavLocation[] {
  switch (placed.selector.role) {
    case 'policy-namespace-selector':
    case 'entity-namespace-selector':
      return namespaceLocations(calicoNamespacesPicked(placed.selector, universe));
    case 'policy-service-account-selector':
    case 'service-account-selector':
      return [];
    default:
      return workloadLocations(calicoWorkloads(policy, placed, universe));
  }
}

/** Endpoint selectors (the policy's own, and its rules' selector/notSelector) that match the pods. */
function referencesTo(pods: PodsOf, uri: string, policy: CalicoPolicy, universe: Universe): NavLocation[] {
  // Without `selector` a Calico policy applies to every endpoint in its scope.
  const global = policy.kind === 'GlobalNetworkPolicy';
  const inScope = global ? calicoNamespacesPicked(policy.spec.namespaceSelector, universe).some((ns) => ns.name === pods.namespace) : policyNamespace(policy) === pods.namespace;
  const everything = !policy.spec.selector && inScope;
  const head = everything ? [{ uri, span: policy.ref.node.span, selection: policy.metadata.name?.span ?? policy.ref.node.span }] : [];
  return head.concat(policySelectors(policy).flatMap((placed) => {
    const { selector } = placed;
    const endpoint = selector.role === 'policy-selector' || selector.role === 'entity-selector' || selector.role === 'entity-not-selector';
    if (!endpoint || !selector.parse.ok || !calicoScope(policy, placed, universe).includes(pods.namespace)) return [];
    const matches = evaluateSelector(selector.parse.ast, pods.labels) !== (selector.role === 'entity-not-selector');
    return matches ? [{ uri, span: { start: selector.keySpan.start, end: selector.span.end }, selection: selector.keySpan }] : [];
  }));
}

export const calicoNavigation: NavigationHooks<CalicoPolicy> = { targetAt, referencesTo };

/** The code lens of a Calico policy: the workloads its own selector picks (no engine needed). */
export const calicoLenses: LensHooks<CalicoPolicy> = {
  kinds: ['selects'],
  showReachability: false,
  resolve({ policy, rejections, universe }) {
    const placed = policySelectors(policy).find((s) => s.selector.role === 'policy-selector');
    const selected = placed ? calicoWorkloads(policy, placed, universe) : [];
    const title = rejections.length > 0 ? rejectedSelects(selected.length) : `selects ${workloadCount(selected.length)}`;
    return { title, workloads: selected };
  },
};
