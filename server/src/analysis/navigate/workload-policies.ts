/**
 * From a workload to the policies about it: those whose podSelector (Calico:
 * selector) picks its pods, and the rules whose peers admit it. Rules without
 * peers admit every source or destination, this workload included.
 */
import { policySelectors } from '../../dialects/calico/model/selectors';
import type { CalicoPolicy } from '../../dialects/calico/model/types';
import { evaluateSelector } from '../../dialects/calico/selector/evaluate';
import type { NetworkPolicy, PolicyRule, Span } from '../../model/types';
import type { WorkloadObject } from '../../model/workloads';
import type { YNode } from '../../core/parse/yaml-tree';
import { labelSetFromEntries, selectorMatches } from '../../model/selectors';
import { calicoNamespacesPicked, calicoScope, peerAdmits, policyNamespace, readableSelector } from './peer-match';
import type { NavLocation, NavWorld } from './nav-world';
import type { Universe } from './universe';

interface PodsOf {
  readonly namespace: string;
  readonly labels: ReadonlyMap<string, string>;
}

export function policiesAdmitting(workload: WorkloadObject, world: NavWorld): NavLocation[] {
  const pods: PodsOf = { namespace: workload.namespace, labels: labelSetFromEntries(workload.podLabels).labels };
  return [
    ...world.policies.flatMap(({ uri, policy }) => kubernetesReferences(uri, policy, pods, world.universe)),
    ...world.calicoPolicies.flatMap(({ uri, policy }) => calicoReferences(uri, policy, pods, world.universe)),
  ];
}

function kubernetesReferences(uri: string, policy: NetworkPolicy, pods: PodsOf, universe: Universe): NavLocation[] {
  const found: NavLocation[] = [];
  const selector = readableSelector(policy.spec.podSelector);
  if (policyNamespace(policy) === pods.namespace && (!selector || selectorMatches(selector, pods.labels))) {
    const own = policy.spec.podSelector;
    const keySpan = own?.keySpan ?? policy.metadata.name?.span ?? policy.ref.node.span;
    found.push({ uri, span: own ? { start: keySpan.start, end: own.span.end } : policy.ref.node.span, selection: keySpan });
  }
  for (const rule of [...(policy.spec.ingress?.items ?? []), ...(policy.spec.egress?.items ?? [])]) found.push(...ruleReferences(uri, policy, rule, pods, universe));
  return found;
}

function ruleReferences(uri: string, policy: NetworkPolicy, rule: PolicyRule, pods: PodsOf, universe: Universe): NavLocation[] {
  const peers = rule.peers?.items ?? [];
  if (peers.length === 0) return [{ uri, span: rule.span, selection: firstKey(rule.node) ?? rule.span }];
  return peers.filter((peer) => peerAdmits(policy, peer, pods, universe)).map((peer) => ({ uri, span: peer.span, selection: firstKey(peer.node) ?? peer.span }));
}

/** Endpoint selectors (the policy's own, and its rules' selector/notSelector) that match the pods. */
function calicoReferences(uri: string, policy: CalicoPolicy, pods: PodsOf, universe: Universe): NavLocation[] {
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

function firstKey(node: YNode): Span | undefined {
  return node.kind === 'map' && node.items.length > 0 ? node.items[0]!.key.span : undefined;
}
