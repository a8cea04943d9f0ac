/**
 * NetworkPolicy (model) -> CompiledPolicy, or SkippedPolicy when the API server
 * would reject it.
 *
 * Choice: an invalid policy is skipped as a whole (never partly applied), since a
 * cluster would not hold it at all; traces for pods in its namespace say so.
 */
import type { NetworkPolicy, PolicyRule, Span } from '../../model/types';
import { NETWORK_POLICY_API_VERSION } from '../../model/objects';
import { DEFAULT_NAMESPACE } from '../../model/workloads';
import { effectivePolicyTypes } from '../policy-defaults';
import { compileSelector, fromRequirements, type CompiledSelector } from '../selectors';
import { ALL_CONNECTIONS, unionConnections, connectionsOf, NO_CONNECTIONS, type ConnectionSet } from './connection-set';
import { compilePeer, compilePort, type Problems } from './compile-parts';
import { checkShapes } from './check-shapes';
import type { CompiledPeer, CompiledPolicy, CompiledPort, CompiledRule, PolicyRef, SkippedPolicy } from './types';

let nextUid = 1;

export type CompileOutcome = { readonly ok: true; readonly policy: CompiledPolicy } | { readonly ok: false; readonly skipped: SkippedPolicy };

export function compilePolicy(uri: string, policy: NetworkPolicy): CompileOutcome {
  const problems: Problems = { uri, list: [] };
  const ref = policyRef(uri, policy);
  const at = (span: Span | undefined) => ({ uri, span: span ?? policy.ref.node.span });
  const apiVersion = policy.ref.apiVersion;
  if (apiVersion?.value !== NETWORK_POLICY_API_VERSION) {
    const message = apiVersion ? `apiVersion "${apiVersion.value}" does not serve NetworkPolicy; use ${NETWORK_POLICY_API_VERSION}.` : 'The policy has no apiVersion.';
    problems.list.push({ message, source: at(apiVersion?.span ?? policy.ref.kind?.span) });
  }
  if (!policy.metadata.name) problems.list.push({ message: 'The policy has no metadata.name.', source: at(policy.metadata.span) });
  for (const type of policy.spec.policyTypes?.items ?? []) {
    if (type.value !== 'Ingress' && type.value !== 'Egress') problems.list.push({ message: `"${type.value}" is not a policy type (Ingress, Egress).`, source: at(type.span) });
  }
  checkShapes(policy, problems);
  const podSelector = readSelector(policy.spec.podSelector, problems);
  const types = effectivePolicyTypes(policy);
  const ingress = types.includes('Ingress') ? compileRules(policy.spec.ingress?.items ?? [], problems) : undefined;
  const egress = types.includes('Egress') ? compileRules(policy.spec.egress?.items ?? [], problems) : undefined;
  if (problems.list.length > 0) return { ok: false, skipped: { ref, problems: problems.list, ...(podSelector && { podSelector }) } };
  const compiled: CompiledPolicy = { uid: nextUid++, ref, podSelector: podSelector ?? fromRequirements([]), ...(ingress && { ingress }), ...(egress && { egress }) };
  return { ok: true, policy: compiled };
}

export function policyRef(uri: string, policy: NetworkPolicy): PolicyRef {
  const namespace = policy.metadata.namespace?.value || DEFAULT_NAMESPACE;
  const name = policy.metadata.name?.value ?? '(unnamed)';
  return { id: `${namespace}/${name}`, namespace, name, source: { uri, span: policy.ref.node.span } };
}

/** A missing spec.podSelector reads as `{}`, the value the API server stores for it. */
function readSelector(selector: NetworkPolicy['spec']['podSelector'], problems: Problems): CompiledSelector | undefined {
  if (!selector) return fromRequirements([]);
  const result = compileSelector(selector);
  for (const p of result.problems) problems.list.push({ message: p.message, source: { uri: problems.uri, span: p.span } });
  return result.problems.length === 0 ? result.selector : undefined;
}

function compileRules(rules: readonly PolicyRule[], problems: Problems): CompiledRule[] {
  return rules.map((rule) => compileRule(rule, problems));
}

function compileRule(rule: PolicyRule, problems: Problems): CompiledRule {
  const peers = rule.peers && rule.peers.items.length > 0 ? rule.peers.items.map((p) => compilePeer(p, problems)).filter((p): p is CompiledPeer => p !== undefined) : null;
  const ports = rule.ports && rule.ports.items.length > 0 ? rule.ports.items.map((p) => compilePort(p, problems)).filter((p): p is CompiledPort => p !== undefined) : null;
  const uniform = ports === null ? ALL_CONNECTIONS : ports.every((p) => p.kind === 'numbers') ? numericConnections(ports) : undefined;
  return { direction: rule.direction, index: rule.index, source: { uri: problems.uri, span: rule.span }, peers, ports, ...(uniform && { uniform }) };
}

function numericConnections(ports: readonly CompiledPort[]): ConnectionSet {
  let set = NO_CONNECTIONS;
  for (const port of ports) if (port.kind === 'numbers') set = unionConnections(set, connectionsOf(port.protocol, port.ports));
  return set;
}
