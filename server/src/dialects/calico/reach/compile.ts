/**
 * CalicoPolicy (model) -> CompiledCalicoPolicy, or SkippedPolicy when Calico
 * would reject it. As with Kubernetes policies, a rejected policy is left out as
 * a whole: the cluster would not hold it at all.
 *
 * The checks of calico/checks already say what Calico rejects; the workspace
 * index hands their errors in as `problems`, so the two can never disagree.
 */
import { effectiveNamespace, effectiveOrder, effectiveTier, effectiveTypes } from '../model/defaults';
import { entityScope } from '../model/entity-scope';
import type { CalicoPolicy, CalicoRule, CalicoSelector, EntityRule } from '../model/types';
import { canonicalSelector } from '../selector/print';
import type { CalicoAction, CalicoRef, CalicoSel, CompiledCalicoPolicy, CompiledCalicoRule, CompiledEntity } from './types';
import { compileCalicoPorts, compileNets, impliedIpVersion, ruleProtocols, uniformConnections } from './rule-parts';
import { NO_CONNECTIONS } from '../../../ir/connection-set';
import type { CalicoPolicy as CalicoPolicyObject } from '../model/types';
import type { PolicyProblem } from '../../../ir/policy-ir';

/** A Calico policy with its file, and why Calico would reject it (empty when it is valid). */
export interface CalicoPolicyInput {
  readonly uri: string;
  readonly policy: CalicoPolicyObject;
  readonly problems: readonly PolicyProblem[];
}

/** A policy Calico would reject: its selector (all() when unreadable), and whether it is namespaced. */
export interface SkippedCalicoPolicy {
  readonly ref: CalicoRef;
  readonly problems: readonly PolicyProblem[];
  readonly selector: CalicoSel;
  readonly namespaced: boolean;
}

let nextUid = 1;

export type CalicoCompileOutcome = { readonly ok: true; readonly policy: CompiledCalicoPolicy } | { readonly ok: false; readonly skipped: SkippedCalicoPolicy };

export function compileCalicoPolicy(input: CalicoPolicyInput): CalicoCompileOutcome {
  const { uri, policy } = input;
  const ref = calicoPolicyRef(uri, policy);
  const selector = selOf(policy.spec.selector) ?? ALL;
  if (input.problems.length > 0) return { ok: false, skipped: { ref, problems: input.problems, selector, namespaced: policy.kind === 'NetworkPolicy' } };
  const namespace = effectiveNamespace(policy);
  const notes: string[] = [];
  const types = effectiveTypes(policy);
  const compileRules = (rules: readonly CalicoRule[]): CompiledCalicoRule[] => rules.map((rule) => compileRule(uri, rule, namespace, notes));
  const ingress = types.includes('Ingress') ? compileRules(policy.spec.ingress?.items ?? []) : undefined;
  const egress = types.includes('Egress') ? compileRules(policy.spec.egress?.items ?? []) : undefined;
  const appliesToPods = podApplicability(policy, notes);
  const namespaceSelector = policy.kind === 'GlobalNetworkPolicy' ? selOf(policy.spec.namespaceSelector) : undefined;
  const order = effectiveOrder(policy);
  const compiled: CompiledCalicoPolicy = {
    uid: nextUid++,
    ref,
    global: policy.kind === 'GlobalNetworkPolicy',
    tier: effectiveTier(policy),
    ...(order !== undefined && { order }),
    sortName: ref.id,
    selector,
    ...(namespaceSelector && { namespaceSelector }),
    appliesToPods,
    ...(ingress && { ingress }),
    ...(egress && { egress }),
    notes,
  };
  return { ok: true, policy: compiled };
}

function calicoPolicyRef(uri: string, policy: CalicoPolicy): CalicoRef {
  const namespace = effectiveNamespace(policy) ?? '';
  const name = policy.metadata.name?.value ?? '(unnamed)';
  const order = effectiveOrder(policy);
  const calico = { kind: policy.kind, tier: effectiveTier(policy), ...(order !== undefined && { order }) };
  return { id: namespace === '' ? name : `${namespace}/${name}`, namespace, name, source: { uri, span: policy.ref.node.span }, calico, json: { calico } };
}

const ALL: CalicoSel = { ast: { kind: 'all', span: { start: 0, end: 0 } }, key: 'all()' };

/** A written, non-empty, valid selector; Calico treats an empty string as "not set". */
function selOf(selector: CalicoSelector | undefined): CalicoSel | undefined {
  if (!selector || selector.text === '' || !selector.parse.ok) return undefined;
  return { ast: selector.parse.ast, key: canonicalSelector(selector.parse.ast) };
}

/** Policies that only ever apply to host endpoints, or to pods by a service account this engine cannot see. */
function podApplicability(policy: CalicoPolicy, notes: string[]): boolean {
  const { spec } = policy;
  if (spec.doNotTrack?.value || spec.preDNAT?.value) {
    notes.push('doNotTrack and preDNAT policies apply to host endpoints only, never to pods.');
    return false;
  }
  if (selOf(spec.serviceAccountSelector)) {
    notes.push('its serviceAccountSelector needs the pods\' service accounts, which this engine does not know: it is treated as applying to no pod.');
    return false;
  }
  return true;
}

const ACTIONS: readonly CalicoAction[] = ['Allow', 'Deny', 'Pass', 'Log'];

function compileRule(uri: string, rule: CalicoRule, namespace: string | undefined, notes: string[]): CompiledCalicoRule {
  const action = ACTIONS.find((a) => a === rule.action?.value) ?? 'Deny';
  const from = compileEntity(rule.source, namespace);
  const to = compileEntity(rule.destination, namespace);
  const protocols = ruleProtocols(rule);
  const version = rule.ipVersion?.value ?? impliedIpVersion(protocols);
  const unmodelled = unmodelledParts(rule);
  const where = `${rule.direction} rule ${rule.index + 1}`;
  for (const part of unmodelled) notes.push(`${where} matches on ${part}, which this engine cannot evaluate offline: the rule is treated as matching nothing.`);
  if (rule.source?.ports || rule.source?.notPorts) notes.push(`${where} restricts source ports, which this engine does not track: the rule is treated as matching any source port.`);
  // A rule this engine cannot evaluate matches nothing; saying so once here keeps every caller honest.
  const uniform = unmodelled.length > 0 ? NO_CONNECTIONS : uniformConnections(protocols, to);
  return {
    direction: rule.direction,
    index: rule.index,
    action,
    source: { uri, span: rule.span },
    protocols,
    ...((version === 4 || version === 6) && { ipVersion: version }),
    from,
    to,
    ...(uniform && { uniform }),
    unmodelled,
  };
}

function unmodelledParts(rule: CalicoRule): string[] {
  const parts: string[] = [];
  if (rule.http) parts.push('HTTP (application layer policy)');
  for (const entity of [rule.source, rule.destination]) {
    if (entity?.serviceAccounts) parts.push('service accounts');
    if (entity?.services) parts.push('a Kubernetes Service');
  }
  return [...new Set(parts)];
}

/** Calico's scoping of a rule's selectors: see GetEntityRuleSelector in libcalico-go's update processors. */
function compileEntity(entity: EntityRule | undefined, namespace: string | undefined): CompiledEntity {
  if (!entity) return {};
  const selector = selOf(entity.selector);
  const notSelector = selOf(entity.notSelector);
  const namespaceSelector = selOf(entity.namespaceSelector);
  const nets = compileNets(entity.nets);
  const notNets = compileNets(entity.notNets);
  const ports = compileCalicoPorts(entity.ports);
  const notPorts = compileCalicoPorts(entity.notPorts);
  const { namespaces, scoped } = entityScope({ selector, notSelector, namespaceSelector }, (s) => s.ast.kind === 'global', namespace);
  return {
    ...(scoped && { scoped: { namespaces, ...(selector && { selector }) } }),
    ...(notSelector && { notSelector }),
    ...(nets && { nets, netsText: written(entity.nets) }),
    ...(notNets && { notNets, notNetsText: written(entity.notNets) }),
    ...(ports && { ports }),
    ...(notPorts && { notPorts }),
  };
}

function written(list: EntityRule['nets']): string {
  return (list?.items ?? []).map((item) => item.value).join(', ');
}
