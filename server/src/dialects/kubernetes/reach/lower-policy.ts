/**
 * A Kubernetes NetworkPolicy lowered into the policy IR (ir/policy-ir.ts).
 *
 * NetworkPolicy semantics are the IR's additive policies: every rule allows, a
 * policy that selects a pod isolates it for the directions of its policyTypes, and
 * what its policies allow adds up. They sit in the tier `default` at order 1000
 * under the name `knp.default.<name>`, where plugins with ordered tiers run them among their own
 * policies; with no other dialect in the workspace the place changes nothing.
 */
import { describeSelector } from '../../../model/selectors';
import { addressesExcept, podsMatch } from '../../../ir/selector-matches';
import { compilePolicy } from './compile-policy';
import { ALL_RULE_PORTS, type RulePorts } from '../../../ir/rule-ports';
import type { EndpointMatch } from '../../../ir/endpoint-match';
import type { Lowered, Policy, PolicyRef, PolicyRule, RulePeer, Tier } from '../../../ir/policy-ir';
import type { CompiledPeer, CompiledPolicy, CompiledPort, CompiledRule, KubernetesPolicyInput } from './compiled-types';

/** Where plugins with ordered tiers place NetworkPolicies: the tier, the order and the name prefix they sort them by. */
const NETWORK_POLICY_TIER = 'default';
const NETWORK_POLICY_ORDER = 1000;
const NAME_PREFIX = 'knp.default.';

/** The tier NetworkPolicies run in: after any tier with a smaller order (cluster-wide admin policies), denying at its end. */
export const NETWORK_POLICY_TIERS: readonly Tier[] = [{ name: NETWORK_POLICY_TIER, order: 1_000_000, endAction: 'Deny' }];

const COMPILED = new WeakMap<Policy, CompiledPolicy>();

/** The compiled form a lowered policy came from, for the features that read a NetworkPolicy's own shape (exposure, code lenses). */
export function compiledOf(policy: Policy): CompiledPolicy | undefined {
  return COMPILED.get(policy);
}

export function lowerNetworkPolicy(input: KubernetesPolicyInput): Lowered {
  const outcome = compilePolicy(input);
  if (!outcome.ok) {
    const { ref, problems, podSelector } = outcome.skipped;
    const irRef = withTitle(ref);
    // Traces of every pod in the namespace mention it when its podSelector cannot be read.
    const noteIn = podsMatch(ref.namespace, undefined, podSelector);
    return { ok: false, rejected: { ref: irRef, problems, noteIn, ...(podSelector && { subject: noteIn }) } };
  }
  const compiled = outcome.policy;
  const ref = withTitle(compiled.ref);
  const lowerRules = (rules: readonly CompiledRule[] | undefined): PolicyRule[] | undefined => rules?.map((rule) => lowerRule(compiled, rule));
  const ingress = lowerRules(compiled.ingress);
  const egress = lowerRules(compiled.egress);
  const policy: Policy = {
    uid: compiled.uid,
    ref,
    tier: NETWORK_POLICY_TIER,
    order: NETWORK_POLICY_ORDER,
    sortName: `${ref.namespace}/${NAME_PREFIX}${ref.name}`,
    subject: podsMatch(ref.namespace, undefined, compiled.podSelector),
    additive: true,
    ...(ingress && { ingress }),
    ...(egress && { egress }),
    notes: [],
  };
  COMPILED.set(policy, compiled);
  return { ok: true, policy };
}

function withTitle(ref: Omit<PolicyRef, 'title'>): PolicyRef {
  return { ...ref, title: `NetworkPolicy ${ref.id} (Kubernetes, order ${NETWORK_POLICY_ORDER})` };
}

function lowerRule(policy: CompiledPolicy, rule: CompiledRule): PolicyRule {
  const word = rule.direction === 'ingress' ? 'from' : 'to';
  return {
    direction: rule.direction,
    index: rule.index,
    action: 'Allow',
    source: rule.source,
    peers: rule.peers === null ? null : rule.peers.map((peer) => lowerPeer(policy, peer, word)),
    anyPeerText: rule.direction === 'ingress' ? 'from all sources (no "from" list)' : 'to all destinations (no "to" list)',
    ports: lowerPorts(rule.ports),
    ...(rule.uniform && { uniform: rule.uniform }),
    unmodelled: [],
  };
}

function lowerPeer(policy: CompiledPolicy, peer: CompiledPeer, word: 'from' | 'to'): RulePeer {
  if (peer.kind === 'ipBlock') return { match: addressesExcept(peer.cidr, peer.except), text: `${word} ipBlock ${peer.text}`, source: peer.source };
  const namespace = peer.namespaceSelector ? undefined : policy.ref.namespace;
  const match: EndpointMatch = podsMatch(namespace, peer.namespaceSelector, peer.podSelector);
  const pods = peer.podSelector && !peer.podSelector.matchesAll ? `pods with ${describeSelector(peer.podSelector)}` : 'all pods';
  const where = !peer.namespaceSelector ? `namespace ${policy.ref.namespace}` : peer.namespaceSelector.matchesAll ? 'all namespaces' : `namespaces with ${describeSelector(peer.namespaceSelector)}`;
  return { match, text: `${word} ${pods} in ${where}`, source: peer.source };
}

function lowerPorts(ports: readonly CompiledPort[] | null): RulePorts {
  if (ports === null) return ALL_RULE_PORTS;
  return {
    terms: ports.map((p) => (p.kind === 'numbers' ? { protocols: [p.protocol], numbers: p.ports, names: [] } : { protocols: [p.protocol], numbers: [], names: [p.name] })),
    except: [],
  };
}

