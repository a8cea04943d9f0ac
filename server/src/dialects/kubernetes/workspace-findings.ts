/**
 * Findings about a NetworkPolicy that only the whole workspace can tell: selectors
 * that match no workload, and named ports that no targeted container declares. Pure:
 * a policy and the workspace in, findings out.
 *
 * They are information, not warnings: manifests for one cluster are often spread
 * over several repositories, so "nothing here matches" may be true only here. A
 * selector is judged only where the workspace could know the answer: pod selectors
 * only in namespaces that hold workloads here, and nothing at all in a workspace
 * without workloads (a folder of policies alone). What every cluster has (kube-system
 * and its DNS, cluster-defaults.ts) counts as present.
 */
import { dataAt, objectData, pathToSpan } from '../../analysis/checks/finding-data';
import { isEmptySelector } from './describe/format-selector';
import { finding, type Finding, type FindingData } from '../../core/finding';
import { effectiveProtocol } from './policy-defaults';
import { compileSelector, selectorMatches, type LabelSet } from '../../model/selectors';
import type { LabelSelector, NetworkPolicy, Peer, PolicyRule } from '../../model/types';
import { didYouMean, nearestLabel, type NearestLabel } from '../../analysis/nearest-labels';
import type { WorkspaceView } from '../../analysis/workspace-view';
import type { ReachWorkload } from '../../evaluate/types';

const SELECTS_NOTHING = 'netpol/selects-nothing';
const PEER_MATCHES_NOTHING = 'netpol/peer-matches-nothing';
const NAMED_PORT_UNDECLARED = 'netpol/named-port-undeclared';

/** One policy's workspace findings: they depend on its own text and on the workloads and namespaces only. */
export function policyWorkspaceFindings(policy: NetworkPolicy, index: WorkspaceView): Finding[] {
  const namespace = policy.metadata.namespace?.value || 'default';
  const known: Known = { has: (ns) => index.workloadsIn(ns).length > 0 };
  const findings: Finding[] = [];
  const selected = selectedWorkloads(policy, namespace, index);
  const podSelector = policy.spec.podSelector;
  if (podSelector && selected && selected.length === 0 && known.has(namespace)) {
    const nearest = nearestLabel(podSelector, index.podCarriers([namespace]));
    const hint = nearest ? ` Check the labels: ${didYouMean(nearest)}` : " Check the labels against the Deployments' pod templates.";
    const message = `No workload in namespace "${namespace}" of this workspace has pod labels matching this podSelector, so the policy applies to nothing here.${hint}`;
    findings.push(finding(SELECTS_NOTHING, 'information', message, podSelector.keySpan ?? podSelector.span, { data: labelData(policy, nearest) }));
  }
  for (const rule of [...(policy.spec.ingress?.items ?? []), ...(policy.spec.egress?.items ?? [])]) {
    for (const peer of rule.peers?.items ?? []) findings.push(...peerFindings(policy, peer, namespace, index, known));
    // The destinations are worth finding only for a rule that names a port.
    if (namedPorts(rule).length > 0) findings.push(...namedPortFindings(policy, rule, rule.direction === 'ingress' ? selected : ruleDestinations(rule, namespace, index)));
  }
  return findings;
}

/** Whether the workspace holds workloads of a namespace. */
interface Known {
  has(namespace: string): boolean;
}

/** The workloads the policy applies to, or undefined when its selector is invalid (validation reports that). */
function selectedWorkloads(policy: NetworkPolicy, namespace: string, index: WorkspaceView): ReachWorkload[] | undefined {
  const selector = policy.spec.podSelector;
  if (!selector || isEmptySelector(selector)) return [...index.workloadsIn(namespace)];
  return matchPods(selector, [namespace], index);
}

function matchPods(selector: LabelSelector | undefined, namespaces: readonly string[], index: WorkspaceView): ReachWorkload[] | undefined {
  if (!selector) return namespaces.flatMap((ns) => index.workloadsIn(ns));
  const compiled = compileSelector(selector);
  if (compiled.problems.length > 0) return undefined;
  return namespaces.flatMap((ns) => index.workloadsSelectedBy(ns, compiled.selector));
}

/** Pods a peer may reach: declared workloads and those every cluster runs. */
type Pods = Pick<ReachWorkload, 'namespace' | 'ports'>;

function matchPeerPods(selector: LabelSelector | undefined, namespaces: readonly string[], index: WorkspaceView): Pods[] | undefined {
  const declared = matchPods(selector, namespaces, index);
  if (!declared) return undefined;
  const compiled = selector ? compileSelector(selector).selector : undefined;
  const implicit = index.clusterWorkloads.filter((w) => namespaces.includes(w.namespace) && (!compiled || selectorMatches(compiled, w.labels)));
  return [...declared, ...implicit];
}

/** The namespaces a peer covers: the policy's own, or those its namespaceSelector matches. */
function peerNamespaces(peer: Peer, namespace: string, index: WorkspaceView): string[] | undefined {
  if (!peer.namespaceSelector) return [namespace];
  const compiled = compileSelector(peer.namespaceSelector);
  if (compiled.problems.length > 0) return undefined;
  return index.namespacesSelectedBy(compiled.selector).map((ns) => ns.name);
}

function peerWorkloads(peer: Peer, namespace: string, index: WorkspaceView): Pods[] | undefined {
  if (peer.ipBlock || (!peer.podSelector && !peer.namespaceSelector)) return undefined;
  const namespaces = peerNamespaces(peer, namespace, index);
  return namespaces && matchPeerPods(peer.podSelector, namespaces, index);
}

/**
 * Whether any pod, declared or implicit, of these namespaces matches the selector;
 * undefined when the selector is invalid. It stops at the first namespace with one: a
 * peer of every namespace is answered without listing the workspace's workloads.
 */
function somePeerPod(selector: LabelSelector | undefined, namespaces: readonly string[], index: WorkspaceView): boolean | undefined {
  const compiled = selector ? compileSelector(selector) : undefined;
  if (compiled && compiled.problems.length > 0) return undefined;
  const matches = (labels: LabelSet): boolean => !compiled || selectorMatches(compiled.selector, labels);
  if (namespaces.some((ns) => (compiled ? index.workloadsSelectedBy(ns, compiled.selector) : index.workloadsIn(ns)).length > 0)) return true;
  return index.clusterWorkloads.some((w) => namespaces.includes(w.namespace) && matches(w.labels));
}

function peerFindings(policy: NetworkPolicy, peer: Peer, namespace: string, index: WorkspaceView, known: Known): Finding[] {
  if (peer.ipBlock || (!peer.podSelector && !peer.namespaceSelector)) return [];
  const namespaces = peerNamespaces(peer, namespace, index);
  if (!namespaces || somePeerPod(peer.podSelector, namespaces, index) !== false) return [];
  // A pod selector in a namespace this workspace holds no workloads of cannot be judged here.
  if (!peer.namespaceSelector && !known.has(namespace)) return [];
  const anchor = peer.namespaceSelector ?? peer.podSelector!;
  const what = namespaces.length === 0 ? 'no namespace in this workspace matches its namespaceSelector' : `no workload in ${namespaces.map((n) => `"${n}"`).join(', ')} has matching pod labels`;
  const nearest = nearestForPeer(peer, namespaces, index);
  // kube-system runs more than the DNS this workspace knows of: only a near-typo of a label there is worth a word.
  if (!nearest && namespaces.length > 0 && namespaces.every((ns) => clusterOnly(ns, index))) return [];
  const message = `This peer matches nothing in the workspace: ${what}${nearest ? `; ${didYouMean(nearest)}` : '.'} Traffic it was meant to allow stays blocked.`;
  return [finding(PEER_MATCHES_NOTHING, 'information', message, anchor.keySpan ?? anchor.span, { data: labelData(policy, nearest) })];
}

/** A namespace known only as one every cluster has, with no workload of this workspace in it. */
function clusterOnly(namespace: string, index: WorkspaceView): boolean {
  return index.clusterNamespaces.some((ns) => ns.name === namespace) || (index.clusterWorkloads.some((w) => w.namespace === namespace) && index.workloadsIn(namespace).length === 0);
}

/** The closest label to a typo: among namespaces when none matches, else among the pods of those that do. */
function nearestForPeer(peer: Peer, namespaces: readonly string[], index: WorkspaceView): NearestLabel | undefined {
  if (namespaces.length === 0) return peer.namespaceSelector && nearestLabel(peer.namespaceSelector, index.namespaceCarriers());
  return peer.podSelector && nearestLabel(peer.podSelector, index.podCarriers(namespaces));
}

/** With a did-you-mean, the data points at the matchLabels entry so the quick fix can change it. */
function labelData(policy: NetworkPolicy, nearest: NearestLabel | undefined): FindingData {
  const path = nearest && pathToSpan(policy.ref.node, nearest.entry.value.span);
  if (!nearest || !path) return objectData(policy.ref);
  const label = { key: nearest.entry.key.value, value: nearest.entry.value.value, newKey: nearest.key, newValue: nearest.value };
  return dataAt(policy.ref, path, { label });
}

/** Egress destinations of a rule among the workloads: all of them without `to`, else its selector peers'. */
function ruleDestinations(rule: PolicyRule, namespace: string, index: WorkspaceView): Pods[] | undefined {
  if (!rule.peers || rule.peers.items.length === 0) return [...index.workloads, ...index.clusterWorkloads];
  const destinations: Pods[] = [];
  for (const peer of rule.peers.items) {
    // Named ports resolve against pods only; an ipBlock peer adds no destination for them.
    if (peer.ipBlock) continue;
    const workloads = peerWorkloads(peer, namespace, index);
    if (!workloads) return undefined;
    destinations.push(...workloads);
  }
  return destinations;
}

function namedPortFindings(policy: NetworkPolicy, rule: PolicyRule, targets: readonly Pods[] | undefined): Finding[] {
  if (!targets || targets.length === 0) return [];
  const findings: Finding[] = [];
  for (const port of namedPorts(rule)) {
    const name = port.port!.value as string;
    const protocol = effectiveProtocol(port);
    if (targets.some((w) => w.ports.some((p) => p.name === name && p.protocol === protocol))) continue;
    const side = rule.direction === 'ingress' ? 'the pods this policy selects' : 'the destination pods of this rule';
    const message = `No container of ${side} declares a ${protocol} port named "${name}", so this port matches nothing. Name the containerPort "${name}" or use the port number.`;
    findings.push(finding(NAMED_PORT_UNDECLARED, 'information', message, port.port!.span, { data: objectData(policy.ref) }));
  }
  return findings;
}

/** The ports of a rule given by name (a string that is not a number). */
function namedPorts(rule: PolicyRule): NonNullable<PolicyRule['ports']>['items'] {
  return (rule.ports?.items ?? []).filter((port) => {
    const name = port.port?.value;
    return typeof name === 'string' && !/^\d+$/.test(name);
  });
}
