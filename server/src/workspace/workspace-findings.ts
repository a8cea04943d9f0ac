/**
 * Findings that only the whole workspace can tell: selectors that match no
 * workload, and named ports that no targeted container declares. Pure: a file's
 * analysis and the workspace index in, findings out.
 *
 * They are information, not warnings: manifests for one cluster are often spread
 * over several repositories, so "nothing here matches" may be true only here. A
 * selector is judged only where the workspace could know the answer: pod selectors
 * only in namespaces that hold workloads here, and nothing at all in a workspace
 * without workloads (a folder of policies alone).
 */
import type { FileAnalysis } from '../analysis/analyze-file';
import { objectData } from '../analysis/checks/finding-data';
import { isEmptySelector } from '../analysis/describe/format-selector';
import { finding, type Finding } from '../analysis/finding';
import { effectiveProtocol } from '../analysis/policy-defaults';
import { compileSelector } from '../analysis/selectors';
import type { LabelSelector, NetworkPolicy, Peer, PolicyRule } from '../model/types';
import type { IndexedWorkload, WorkspaceIndex } from './workspace-index';

const SELECTS_NOTHING = 'netpol/selects-nothing';
const PEER_MATCHES_NOTHING = 'netpol/peer-matches-nothing';
const NAMED_PORT_UNDECLARED = 'netpol/named-port-undeclared';

export function workspaceFindings(analysis: FileAnalysis, index: WorkspaceIndex): Finding[] {
  if (index.workloads.length === 0) return [];
  return analysis.policies.flatMap((policy) => policyWorkspaceFindings(policy, index));
}

/** One policy's workspace findings: they depend on its own text and on the workloads and namespaces only. */
export function policyWorkspaceFindings(policy: NetworkPolicy, index: WorkspaceIndex): Finding[] {
  const namespace = policy.metadata.namespace?.value || 'default';
  const known = new Set(index.workloads.map((w) => w.namespace));
  const findings: Finding[] = [];
  const selected = selectedWorkloads(policy, namespace, index);
  const podSelector = policy.spec.podSelector;
  if (podSelector && selected && selected.length === 0 && known.has(namespace)) {
    const message = `No workload in namespace "${namespace}" of this workspace has pod labels matching this podSelector, so the policy applies to nothing here. Check the labels against the Deployments' pod templates.`;
    findings.push(finding(SELECTS_NOTHING, 'information', message, podSelector.keySpan ?? podSelector.span, { data: objectData(policy.ref) }));
  }
  for (const rule of [...(policy.spec.ingress?.items ?? []), ...(policy.spec.egress?.items ?? [])]) {
    for (const peer of rule.peers?.items ?? []) findings.push(...peerFindings(policy, peer, namespace, index, known));
    findings.push(...namedPortFindings(policy, rule, rule.direction === 'ingress' ? selected : ruleDestinations(rule, namespace, index)));
  }
  return findings;
}

/** The workloads the policy applies to, or undefined when its selector is invalid (validation reports that). */
function selectedWorkloads(policy: NetworkPolicy, namespace: string, index: WorkspaceIndex): IndexedWorkload[] | undefined {
  const selector = policy.spec.podSelector;
  if (!selector || isEmptySelector(selector)) return index.workloads.filter((w) => w.namespace === namespace);
  return matchPods(selector, [namespace], index);
}

function matchPods(selector: LabelSelector | undefined, namespaces: readonly string[], index: WorkspaceIndex): IndexedWorkload[] | undefined {
  if (!selector) return namespaces.flatMap((ns) => index.workloads.filter((w) => w.namespace === ns));
  const compiled = compileSelector(selector);
  if (compiled.problems.length > 0) return undefined;
  return namespaces.flatMap((ns) => index.workloadsSelectedBy(ns, compiled.selector));
}

/** The namespaces a peer covers: the policy's own, or those its namespaceSelector matches. */
function peerNamespaces(peer: Peer, namespace: string, index: WorkspaceIndex): string[] | undefined {
  if (!peer.namespaceSelector) return [namespace];
  const compiled = compileSelector(peer.namespaceSelector);
  if (compiled.problems.length > 0) return undefined;
  return index.namespacesSelectedBy(compiled.selector).map((ns) => ns.name);
}

function peerWorkloads(peer: Peer, namespace: string, index: WorkspaceIndex): IndexedWorkload[] | undefined {
  if (peer.ipBlock || (!peer.podSelector && !peer.namespaceSelector)) return undefined;
  const namespaces = peerNamespaces(peer, namespace, index);
  return namespaces && matchPods(peer.podSelector, namespaces, index);
}

function peerFindings(policy: NetworkPolicy, peer: Peer, namespace: string, index: WorkspaceIndex, known: ReadonlySet<string>): Finding[] {
  const namespaces = peer.ipBlock ? undefined : peerNamespaces(peer, namespace, index);
  const workloads = peerWorkloads(peer, namespace, index);
  if (!namespaces || !workloads || workloads.length > 0) return [];
  // A pod selector in a namespace this workspace holds no workloads of cannot be judged here.
  if (!peer.namespaceSelector && !known.has(namespace)) return [];
  const anchor = peer.namespaceSelector ?? peer.podSelector!;
  const what = namespaces.length === 0 ? 'no namespace in this workspace matches its namespaceSelector' : `no workload in ${namespaces.map((n) => `"${n}"`).join(', ')} has matching pod labels`;
  const message = `This peer matches nothing in the workspace: ${what}. Traffic it was meant to allow stays blocked.`;
  return [finding(PEER_MATCHES_NOTHING, 'information', message, anchor.keySpan ?? anchor.span, { data: objectData(policy.ref) })];
}

/** Egress destinations of a rule among the workloads: all of them without `to`, else its selector peers'. */
function ruleDestinations(rule: PolicyRule, namespace: string, index: WorkspaceIndex): IndexedWorkload[] | undefined {
  if (!rule.peers || rule.peers.items.length === 0) return index.workloads;
  const destinations: IndexedWorkload[] = [];
  for (const peer of rule.peers.items) {
    // Named ports resolve against pods only; an ipBlock peer adds no destination for them.
    if (peer.ipBlock) continue;
    const workloads = peerWorkloads(peer, namespace, index);
    if (!workloads) return undefined;
    destinations.push(...workloads);
  }
  return destinations;
}

function namedPortFindings(policy: NetworkPolicy, rule: PolicyRule, targets: readonly IndexedWorkload[] | undefined): Finding[] {
  if (!targets || targets.length === 0) return [];
  const findings: Finding[] = [];
  for (const port of rule.ports?.items ?? []) {
    const name = port.port?.value;
    if (typeof name !== 'string' || /^\d+$/.test(name)) continue;
    const protocol = effectiveProtocol(port);
    if (targets.some((w) => w.ports.some((p) => p.name === name && p.protocol === protocol))) continue;
    const side = rule.direction === 'ingress' ? 'the pods this policy selects' : 'the destination pods of this rule';
    const message = `No container of ${side} declares a ${protocol} port named "${name}", so this port matches nothing. Name the containerPort "${name}" or use the port number.`;
    findings.push(finding(NAMED_PORT_UNDECLARED, 'information', message, port.port!.span, { data: objectData(policy.ref) }));
  }
  return findings;
}
