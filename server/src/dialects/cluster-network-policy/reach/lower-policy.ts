/**
 * A cluster-wide policy lowered into the policy IR. Admin policies run first, in
 * their tier by priority (lower first), then the NetworkPolicy tier, then the
 * Baseline tier, then default allow. Neither tier isolates a pod: what no rule
 * decided passes on (the tiers' end action is Pass). Within a policy the first
 * matching rule decides; Pass hands a connection to the next tier.
 */
import { describeSelector, compileSelector, fromRequirements, type CompiledSelector } from '../../../model/selectors';
import type { LabelSelector } from '../../../model/types';
import { PROTOCOLS, type Protocol } from '../../../ir/connection-set';
import { NO_ENDPOINT, allOf, type EndpointMatch } from '../../../ir/endpoint-match';
import { parseCidr, type IpRange } from '../../../ir/ip-range';
import { portRange } from '../../../ir/port-set';
import type { Enforcer, Lowered, Policy, PolicyProblem, PolicyRef, PolicyRule, RuleAction, RulePeer, Tier } from '../../../ir/policy-ir';
import { ALL_RULE_PORTS, portsConnections, type PortTerm, type RulePorts } from '../../../ir/rule-ports';
import { podsMatch } from '../../../ir/selector-matches';
import type { ClusterPolicy, ClusterPort, ClusterRule, Selection } from '../model/types';
import { tierOf } from '../model/tier';

/** The input the workspace hands over: the policy, its file, and why the API server would reject it. */
export interface ClusterPolicyInput {
  readonly uri: string;
  readonly policy: ClusterPolicy;
  readonly problems: readonly PolicyProblem[];
}

/** Where the tiers run, around the NetworkPolicy tier (order 1,000,000), as network plugins that also have tiers of their own place them. */
export const CLUSTER_TIERS: readonly Tier[] = [
  { name: 'Admin', order: 1000, endAction: 'Pass', equalOrders: 'unspecified' },
  { name: 'Baseline', order: 10_000_000, endAction: 'Pass', equalOrders: 'unspecified' },
];

/** Host-networked pods are neither subjects nor namespace or pod peers of these policies: their traffic is the node's. */
const POD_NETWORK: EndpointMatch = { kind: 'pods', pods: { key: 'pod-network', test: (pod) => !pod.hostNetwork } };

const ENFORCER: Enforcer = { name: 'The network plugin', afterLastTier: 'the default allows' };

let nextUid = 1;

export function lowerClusterPolicy(input: ClusterPolicyInput): Lowered {
  const { uri, policy } = input;
  const tier = tierOf(policy);
  const name = policy.metadata.name?.value ?? '(unnamed)';
  const priority = policy.spec?.priority?.value;
  const place = tier === 'Baseline' && policy.kind === 'BaselineAdminNetworkPolicy' ? '' : priority === undefined ? ` (tier ${tier})` : ` (tier ${tier}, priority ${priority})`;
  const ref: PolicyRef = { id: name, namespace: '', name, source: { uri, span: policy.ref.node.span }, title: `${policy.kind} ${name}${place}`, json: { tier, ...(priority !== undefined && { priority }) } };
  // A selector no implementation can parse (the CRDs store it unchecked) selects nothing.
  const subject = policy.spec?.subject ? (selectionMatch(policy.spec.subject) ?? NO_ENDPOINT) : NO_ENDPOINT;
  if (input.problems.length > 0) return { ok: false, rejected: { ref, problems: input.problems, subject, noteIn: subject } };
  const notes: string[] = [];
  const rules = (list: readonly ClusterRule[] | undefined): PolicyRule[] | undefined => (list && list.length > 0 ? list.map((rule) => lowerRule(uri, rule, notes)) : undefined);
  const ingress = rules(policy.spec?.ingress?.items);
  const egress = rules(policy.spec?.egress?.items);
  const lowered: Policy = {
    uid: nextUid++,
    ref,
    tier,
    ...(priority !== undefined && { order: priority }),
    sortName: name,
    subject,
    additive: false,
    ...(ingress && { ingress }),
    ...(egress && { egress }),
    notes,
    enforcer: ENFORCER,
  };
  return { ok: true, policy: lowered };
}

const ACTIONS: Readonly<Record<string, RuleAction>> = { Allow: 'Allow', Accept: 'Allow', Deny: 'Deny', Pass: 'Pass' };

function lowerRule(uri: string, rule: ClusterRule, notes: string[]): PolicyRule {
  const word = rule.direction === 'ingress' ? 'from' : 'to';
  const action = ACTIONS[rule.action?.value ?? ''] ?? 'Deny';
  const peers = (rule.peers?.items ?? []).map((peer) => lowerPeer(peer, word));
  for (const peer of rule.peers?.items ?? []) {
    if (peer.domainNames) notes.push(`${rule.direction} rule ${rule.index + 1} names domains, whose addresses this engine does not know: that peer matches nothing here.`);
  }
  const ports = lowerPorts(rule.ports?.items);
  const named = ports.terms?.some((t) => t.names.length > 0) ?? false;
  const label = rule.name ? ` "${rule.name.value}"` : '';
  return {
    direction: rule.direction,
    index: rule.index,
    action,
    source: { uri, span: rule.span },
    peers,
    anyPeerText: '',
    phrase: `${action}${label} ${peers.map((p) => p.text).join(' or ') || `${word} nothing`}${portsPhrase(rule.ports?.items)}`,
    ports,
    ...(!named && { uniform: portsConnections(ports, []) }),
    unmodelled: [],
  };
}

function lowerPeer(peer: Selection, word: 'from' | 'to'): RulePeer {
  if (peer.networks) {
    const ranges = peer.networks.items.map((n) => parseCidr(n.value)).filter((r): r is IpRange => r !== undefined);
    // The API: cluster-internal traffic is checked against networks as well (0.0.0.0/0 covers every IPv4 pod).
    return { match: { kind: 'addresses', ranges, podsByAddress: true }, text: `${word} networks ${peer.networks.items.map((n) => n.value).join(', ')}` };
  }
  if (peer.nodes) return { match: { kind: 'nodes', text: describe(peer.nodes) }, text: `${word} nodes with ${describe(peer.nodes)} (node addresses are not in the workspace, so no workload here is one)` };
  if (peer.domainNames) return { match: NO_ENDPOINT, text: `${word} domains ${peer.domainNames.items.map((d) => d.value).join(', ')}` };
  return { match: selectionMatch(peer) ?? NO_ENDPOINT, text: `${word} ${selectionText(peer)}` };
}

/** The pods a subject or pod peer selects: `namespaces` (every pod of them) or `pods` (namespace and pod selectors). */
function selectionMatch(selection: Selection): EndpointMatch | undefined {
  if (selection.namespaces) {
    const namespaces = compiled(selection.namespaces);
    return namespaces ? allOf([podsMatch(undefined, namespaces, undefined), POD_NETWORK]) : undefined;
  }
  if (selection.pods) {
    const namespaces = selection.pods.namespaceSelector ? compiled(selection.pods.namespaceSelector) : fromRequirements([]);
    const pods = selection.pods.podSelector ? compiled(selection.pods.podSelector) : undefined;
    return namespaces && pods ? allOf([podsMatch(undefined, namespaces, pods), POD_NETWORK]) : undefined;
  }
  return undefined;
}

function selectionText(selection: Selection): string {
  if (selection.namespaces) return `all pods in ${namespacesText(selection.namespaces)}`;
  const pods = selection.pods?.podSelector;
  const podText = !pods || isEmpty(pods) ? 'all pods' : `pods with ${describe(pods)}`;
  const namespaces = selection.pods?.namespaceSelector;
  return `${podText} in ${namespaces ? namespacesText(namespaces) : 'all namespaces'}`;
}

function namespacesText(selector: LabelSelector): string {
  return isEmpty(selector) ? 'all namespaces' : `namespaces with ${describe(selector)}`;
}

function isEmpty(selector: LabelSelector): boolean {
  return selector.matchLabels.length === 0 && selector.matchExpressions.length === 0;
}

function compiled(selector: LabelSelector): CompiledSelector | undefined {
  const result = compileSelector(selector);
  return result.problems.length === 0 ? result.selector : undefined;
}

function describe(selector: LabelSelector): string {
  const selectorCompiled = compiled(selector);
  return selectorCompiled ? describeSelector(selectorCompiled) : '(an invalid selector)';
}

/** TCP when none is written; undefined for a protocol no implementation knows (`tcp`), which matches nothing. */
function protocolOf(port: ClusterPort): Protocol | undefined {
  const written = port.protocol?.value ?? 'TCP';
  return (PROTOCOLS as readonly string[]).includes(written) ? (written as Protocol) : undefined;
}

function lowerPorts(ports: readonly ClusterPort[] | undefined): RulePorts {
  if (!ports || ports.length === 0) return ALL_RULE_PORTS;
  const terms: PortTerm[] = [];
  for (const port of ports) {
    const protocol = protocolOf(port);
    if (port.kind === 'number' && port.number && protocol) terms.push({ protocols: [protocol], numbers: portRange(port.number.value), names: [] });
    else if (port.kind === 'range' && port.start && port.end && protocol && port.start.value <= port.end.value) terms.push({ protocols: [protocol], numbers: portRange(port.start.value, port.end.value), names: [] });
    // A named port resolves at the destination pod, with the protocol its container port declares.
    else if (port.kind === 'named' && port.name) terms.push({ protocols: [...PROTOCOLS], numbers: [], names: [port.name.value] });
  }
  return { terms, except: [] };
}

function portsPhrase(ports: readonly ClusterPort[] | undefined): string {
  if (!ports || ports.length === 0) return '';
  const text = ports.map((p) => {
    if (p.kind === 'named') return `port named ${p.name?.value ?? '?'}`;
    if (p.kind === 'number') return `${p.protocol?.value ?? 'TCP'} ${p.number?.value ?? '?'}`;
    return `${p.protocol?.value ?? 'TCP'} ${p.start?.value ?? '?'}-${p.end?.value ?? '?'}`;
  });
  return `, on ${text.join(', ')}`;
}
