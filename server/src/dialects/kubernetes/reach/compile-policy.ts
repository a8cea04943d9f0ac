/**
 * NetworkPolicy (model) -> CompiledPolicy, or SkippedPolicy when the API server
 * would reject it.
 *
 * Whether it would is decided once, by the checks of the file analysis; the input
 * carries that decision (KubernetesPolicyInput.problems) and this module only reads it.
 * Choice: an invalid policy is skipped as a whole (never partly applied), since a
 * cluster would not hold it at all; traces for pods in its namespace say so.
 */
import type { NetworkPolicy, PolicyRule } from '../../../model/types';
import { DEFAULT_NAMESPACE } from '../../../model/workloads';
import { effectivePolicyTypes } from '../policy-defaults';
import { compileSelector, fromRequirements, type CompiledSelector } from '../../../model/selectors';
import { ALL_CONNECTIONS, unionConnections, connectionsOf, NO_CONNECTIONS, type ConnectionSet } from '../../../ir/connection-set';
import { compilePeer, compilePort, reportGap, type Gaps } from './compile-parts';
import type { CompiledPeer, CompiledPolicy, CompiledPort, CompiledRule, KubernetesPolicyInput, SkippedNetworkPolicy, WrittenRef } from './compiled-types';

let nextUid = 1;

export type CompileOutcome = { readonly ok: true; readonly policy: CompiledPolicy } | { readonly ok: false; readonly skipped: SkippedNetworkPolicy };

export function compilePolicy(input: KubernetesPolicyInput): CompileOutcome {
  const { uri, policy } = input;
  const ref = policyRef(uri, policy);
  const podSelector = readSelector(policy.spec.podSelector);
  if (input.problems.length > 0) return { ok: false, skipped: { ref, problems: input.problems, ...(podSelector && { podSelector }) } };
  const gaps: Gaps = { uri, list: [] };
  if (!podSelector) reportGap(gaps, 'spec.podSelector', ref.source);
  const types = effectivePolicyTypes(policy);
  const ingress = types.includes('Ingress') ? compileRules(policy.spec.ingress?.items ?? [], gaps) : undefined;
  const egress = types.includes('Egress') ? compileRules(policy.spec.egress?.items ?? [], gaps) : undefined;
  if (gaps.list.length > 0) return { ok: false, skipped: { ref, problems: gaps.list, ...(podSelector && { podSelector }) } };
  const compiled: CompiledPolicy = { uid: nextUid++, ref, podSelector: podSelector ?? fromRequirements([]), ...(ingress && { ingress }), ...(egress && { egress }) };
  return { ok: true, policy: compiled };
}

function policyRef(uri: string, policy: NetworkPolicy): WrittenRef {
  const namespace = policy.metadata.namespace?.value || DEFAULT_NAMESPACE;
  const name = policy.metadata.name?.value ?? '(unnamed)';
  return { id: `${namespace}/${name}`, namespace, name, source: { uri, span: policy.ref.node.span } };
}

/** A missing spec.podSelector reads as `{}`, the value the API server stores for it; undefined when it cannot be read. */
function readSelector(selector: NetworkPolicy['spec']['podSelector']): CompiledSelector | undefined {
  if (!selector) return fromRequirements([]);
  const result = compileSelector(selector);
  return result.problems.length === 0 ? result.selector : undefined;
}

function compileRules(rules: readonly PolicyRule[], gaps: Gaps): CompiledRule[] {
  return rules.map((rule) => compileRule(rule, gaps));
}

function compileRule(rule: PolicyRule, gaps: Gaps): CompiledRule {
  const peers = rule.peers && rule.peers.items.length > 0 ? rule.peers.items.map((p) => compilePeer(p, gaps)).filter((p): p is CompiledPeer => p !== undefined) : null;
  const ports = rule.ports && rule.ports.items.length > 0 ? rule.ports.items.map((p) => compilePort(p, gaps)).filter((p): p is CompiledPort => p !== undefined) : null;
  const uniform = ports === null ? ALL_CONNECTIONS : ports.every((p) => p.kind === 'numbers') ? numericConnections(ports) : undefined;
  return { direction: rule.direction, index: rule.index, source: { uri: gaps.uri, span: rule.span }, peers, ports, ...(uniform && { uniform }) };
}

function numericConnections(ports: readonly CompiledPort[]): ConnectionSet {
  let set = NO_CONNECTIONS;
  for (const port of ports) if (port.kind === 'numbers') set = unionConnections(set, connectionsOf(port.protocol, port.ports));
  return set;
}
