/**
 * Go to Definition and Find References in NetworkPolicies: a policy (or its
 * podSelector) leads to the pods it selects, a rule to every pod its peers admit, a
 * peer to the pods it admits, a namespaceSelector to the namespaces it picks; a
 * workload leads to the podSelectors that select it and the rules and peers that admit it.
 */
import { namespaceLocations, policyNamespace, workloadLocations, type NavigationHooks, type NavLocation, type PodsOf, type PolicyNavTarget } from '../../../analysis/navigate/nav-world';
import { firstKey } from '../../../analysis/symbols/symbol-hooks';
import type { PodClass, Universe } from '../../../analysis/navigate/universe';
import { selectorMatches } from '../../../model/selectors';
import type { NetworkPolicy, PolicyRule } from '../../../model/types';
import { locate } from '../explain/locate';
import { namespacesPicked, peerAdmits, peerClasses, readableSelector, selectedClasses } from './peer-match';

function pods(classes: readonly PodClass[]): NavLocation[] {
  return workloadLocations(classes.flatMap((c) => c.workloads));
}

function targetAt(policies: readonly NetworkPolicy[], text: string, offset: number): PolicyNavTarget | undefined {
  const located = locate(policies, text, offset);
  if (!located) return undefined;
  const { policy, target, span } = located;
  const to = (targets: (universe: Universe) => NavLocation[]): PolicyNavTarget => ({ span, targets });
  switch (target.kind) {
    case 'policy':
      return to((universe) => pods(selectedClasses(policy, universe)));
    case 'selector': {
      if (target.context.role === 'policy') return to((universe) => pods(selectedClasses(policy, universe)));
      const peer = target.context.peer;
      if (target.context.role === 'peer-pods') return to((universe) => pods(peerClasses(policy, peer, universe)));
      return to((universe) => namespaceLocations(namespacesPicked(peer.namespaceSelector, universe)));
    }
    case 'peer':
      return to((universe) => pods(peerClasses(policy, target.peer, universe)));
    case 'rule':
    case 'peers': {
      const peers = target.rule.peers?.items ?? [];
      if (peers.length === 0) return to((universe) => workloadLocations(universe.workloads));
      return to((universe) => pods(peers.flatMap((peer) => peerClasses(policy, peer, universe))));
    }
    default:
      return undefined;
  }
}

function referencesTo(pods: PodsOf, uri: string, policy: NetworkPolicy, universe: Universe): NavLocation[] {
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

/** Rules without peers admit every source or destination, these pods included. */
function ruleReferences(uri: string, policy: NetworkPolicy, rule: PolicyRule, pods: PodsOf, universe: Universe): NavLocation[] {
  const peers = rule.peers?.items ?? [];
  if (peers.length === 0) return [{ uri, span: rule.span, selection: firstKey(rule.node) ?? rule.span }];
  return peers.filter((peer) => peerAdmits(policy, peer, pods, universe)).map((peer) => ({ uri, span: peer.span, selection: firstKey(peer.node) ?? peer.span }));
}

export const kubernetesNavigation: NavigationHooks<NetworkPolicy> = { targetAt, referencesTo };
