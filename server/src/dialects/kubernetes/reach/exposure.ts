/**
 * Exposure analysis, as netpol-analyzer's `--exposure` does it: besides the pairs of
 * workloads that exist, to which peers a workload is open that the manifests do not
 * hold, because a rule selects them by labels: the entire cluster, all namespaces with
 * some label, pods with some label in a namespace, and addresses outside the cluster.
 * Each exposure keeps the rules (or the missing policy) that make it.
 *
 * Only a workload's own policies count: the unknown peer's policies are unknown. A
 * selector in a known namespace that a workload of the manifests matches is an
 * ordinary pair (`reach` prints it), not an exposure; a peer whose connections the
 * entire-cluster exposure already holds is left out. Only NetworkPolicies are analysed.
 */
import { NAMESPACE_NAME_LABEL } from '../../../model/namespaces';
import { describeSelector, selectorMatches, type CompiledSelector } from '../../../model/selectors';
import { ALL_CONNECTIONS, isNoConnections, NO_CONNECTIONS, subtractConnections, unionConnections, type ConnectionSet } from '../../../ir/connection-set';
import type { ReachEngine, WorkloadNode } from '../../../evaluate/reach-engine';
import type { Exposure, ExposureCause, ExposureReport } from '../../../evaluate/exposure-report';
import type { CompiledPeer, CompiledPolicy, CompiledRule } from './compiled-types';
import { compiledOf } from './lower-policy';
import { portConnections } from './compile-parts';

const ENTIRE_CLUSTER = 'entire-cluster';

export function exposureReport(engine: ReachEngine): ExposureReport {
  const policies = engine.policies.map(compiledOf).filter((p): p is CompiledPolicy => p !== undefined);
  const exposures: Exposure[] = [];
  const unprotected: { workload: string; direction: 'ingress' | 'egress' }[] = [];
  for (const node of engine.nodes) {
    if (node.kind !== 'workload') continue;
    for (const direction of ['egress', 'ingress'] as const) {
      const selecting = policies.filter((p) => p.ref.namespace === node.namespace && p[direction] && selectorMatches(p.podSelector, node.workload.labels));
      if (selecting.length === 0) unprotected.push({ workload: node.id, direction });
      exposures.push(...exposuresOf(engine, node, direction, selecting));
    }
  }
  return { exposures, unprotected, notAnalysed: engine.policies.length - policies.length };
}

function exposuresOf(engine: ReachEngine, node: WorkloadNode, direction: 'ingress' | 'egress', selecting: readonly CompiledPolicy[]): Exposure[] {
  const byPeer = new Map<string, { connections: ConnectionSet; causes: ExposureCause[] }>();
  const add = (peer: string, connections: ConnectionSet, cause: ExposureCause): void => {
    if (isNoConnections(connections)) return;
    const entry = byPeer.get(peer) ?? { connections: NO_CONNECTIONS, causes: [] };
    byPeer.set(peer, { connections: unionConnections(entry.connections, connections), causes: [...entry.causes, cause] });
  };
  if (selecting.length === 0) add(ENTIRE_CLUSTER, ALL_CONNECTIONS, { kind: 'unprotected' });
  for (const policy of selecting) {
    for (const rule of policy[direction] ?? []) {
      const connections = ruleConnections(rule, direction === 'ingress' ? node : undefined);
      const cause: ExposureCause = { kind: 'rule', policy: policy.ref.id, rule: `${direction}[${rule.index}]`, source: rule.source };
      for (const peer of rule.peers ?? [null]) {
        const name = peer === null ? ENTIRE_CLUSTER : peerName(engine, peer, policy.ref.namespace);
        if (name !== undefined) add(name, connections, cause);
      }
    }
  }
  const cluster = byPeer.get(ENTIRE_CLUSTER)?.connections ?? NO_CONNECTIONS;
  for (const [peer, entry] of byPeer) if (peer !== ENTIRE_CLUSTER && isNoConnections(subtractConnections(entry.connections, cluster))) byPeer.delete(peer);
  // Outside the cluster: the engine's own external ranges, as `reach` prints them.
  for (const external of engine.nodes) {
    if (external.kind !== 'external') continue;
    const connections = direction === 'egress' ? engine.connections(node, external) : engine.connections(external, node);
    if (isNoConnections(connections)) continue;
    const trace = direction === 'egress' ? engine.explain(node, external) : engine.explain(external, node);
    const side = trace[direction];
    const name = external.id.replace(/\[External\]$/, '');
    if (side.allowedBy.length === 0) add(name, connections, { kind: 'unprotected' });
    for (const c of side.allowedBy) add(name, connections, { kind: 'rule', policy: c.policy.id, rule: `${c.direction}[${c.ruleIndex}]`, source: c.rule });
  }
  return [...byPeer.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([peer, entry]) => ({ workload: node.id, direction, peer, ...entry }));
}

/** Named ports resolve against the workload's own containers on ingress; on egress the unknown peer declares none. */
function ruleConnections(rule: CompiledRule, destination: WorkloadNode | undefined): ConnectionSet {
  if (rule.uniform) return rule.uniform;
  if (rule.ports === null) return ALL_CONNECTIONS;
  return rule.ports.reduce((set, port) => unionConnections(set, portConnections(port, destination?.workload.ports ?? [])), NO_CONNECTIONS);
}

/** netpol-analyzer's name of the peers a selector picks; undefined for an ipBlock, or pods the manifests hold. */
function peerName(engine: ReachEngine, peer: CompiledPeer, policyNamespace: string): string | undefined {
  if (peer.kind !== 'pods') return undefined;
  const namespace = peer.namespaceSelector === undefined ? policyNamespace : namespaceName(peer.namespaceSelector);
  const pods = peer.podSelector === undefined || peer.podSelector.matchesAll ? '[all pods]' : `[pod with {${describeSelector(peer.podSelector)}}]`;
  if (namespace !== undefined) {
    const matched = engine.nodes.some((n) => n.kind === 'workload' && n.namespace === namespace && (!peer.podSelector || selectorMatches(peer.podSelector, n.workload.labels)));
    return matched ? undefined : `${namespace}/${pods}`;
  }
  const selector = peer.namespaceSelector!;
  if (selector.matchesAll) return pods === '[all pods]' ? ENTIRE_CLUSTER : `[all namespaces]/${pods}`;
  return `[namespace with {${describeSelector(selector)}}]/${pods}`;
}

/** The one namespace a selector names by `kubernetes.io/metadata.name`, if that is all it says. */
function namespaceName(selector: CompiledSelector): string | undefined {
  const [only, ...rest] = selector.requirements;
  return only && rest.length === 0 && only.key === NAMESPACE_NAME_LABEL && only.operator === 'In' && only.values.length === 1 ? only.values[0] : undefined;
}
