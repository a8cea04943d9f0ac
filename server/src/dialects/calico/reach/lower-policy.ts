/**
 * A Calico policy lowered into the policy IR (ir/policy-ir.ts): rules with their
 * actions in written order, the policy in its tier at its order, and each rule
 * side as an endpoint match, following how Felix renders a v3 rule.
 *
 * Calico matches selectors against an endpoint's labels plus a few it adds itself
 * (`projectcalico.org/namespace`, `projectcalico.org/orchestrator`), and namespace
 * selectors against the namespace's labels plus `projectcalico.org/name`.
 */
import { evaluateSelector } from '../selector/evaluate';
import type { SelectorNode } from '../selector/ast';
import { calicoRulePhrase, policyTitle } from './describe';
import { compileCalicoPolicy, type CalicoPolicyInput } from './compile';
import type { CalicoSel, CompiledCalicoPolicy, CompiledCalicoRule, CompiledEntity, EntityNamespaces } from './types';
import { labelSetOf, type LabelSet } from '../../../model/selectors';
import { PROTOCOLS } from '../../../ir/connection-set';
import { allOf, anyOf, notOf, ANY_ENDPOINT, NO_ENDPOINT, type EndpointMatch, type LabelPredicate, type NamespaceView, type PodPredicate, type PodView } from '../../../ir/endpoint-match';
import type { Enforcer, Lowered, Policy, PolicyRule } from '../../../ir/policy-ir';
import type { PortTerm, RulePorts } from '../../../ir/rule-ports';

const CALICO: Enforcer = { name: 'Calico', afterLastTier: "the namespace's profile allows", tierPasses: "the tier's defaultAction Pass sends it on" };

const CALICO_NAMESPACE_LABEL = 'projectcalico.org/namespace';
const CALICO_ORCHESTRATOR_LABEL = 'projectcalico.org/orchestrator';
const CALICO_NAMESPACE_NAME_LABEL = 'projectcalico.org/name';

export function lowerCalicoPolicy(input: CalicoPolicyInput): Lowered {
  const outcome = compileCalicoPolicy(input);
  if (!outcome.ok) {
    const { ref, problems, selector, namespaced } = outcome.skipped;
    const noteIn: EndpointMatch = { kind: 'pods', ...(namespaced && { namespace: ref.namespace }), ...(selector.ast.kind !== 'all' && { pods: podPredicate(selector) }) };
    return { ok: false, rejected: { ref: { ...ref, title: policyTitle(ref) }, problems, subject: noteIn, noteIn } };
  }
  const compiled = outcome.policy;
  const rules = (list: readonly CompiledCalicoRule[] | undefined): PolicyRule[] | undefined => list?.map((rule) => lowerRule(rule));
  const ingress = rules(compiled.ingress);
  const egress = rules(compiled.egress);
  const policy: Policy = {
    uid: compiled.uid,
    ref: { ...compiled.ref, title: policyTitle(compiled.ref) },
    tier: compiled.tier,
    ...(compiled.order !== undefined && { order: compiled.order }),
    sortName: compiled.sortName,
    subject: subjectOf(compiled),
    additive: false,
    ...(ingress && { ingress }),
    ...(egress && { egress }),
    notes: compiled.notes,
    enforcer: CALICO,
  };
  return { ok: true, policy };
}

function subjectOf(policy: CompiledCalicoPolicy): EndpointMatch {
  if (!policy.appliesToPods) return NO_ENDPOINT;
  return {
    kind: 'pods',
    ...(!policy.global && { namespace: policy.ref.namespace }),
    ...(policy.namespaceSelector && policy.namespaceSelector.ast.kind !== 'all' && { namespaces: namespacePredicate(policy.namespaceSelector) }),
    ...(policy.selector.ast.kind !== 'all' && { pods: podPredicate(policy.selector) }),
  };
}

function lowerRule(rule: CompiledCalicoRule): PolicyRule {
  const direction = rule.direction;
  const far = direction === 'ingress' ? rule.from : rule.to;
  const own = direction === 'ingress' ? rule.to : rule.from;
  const ownMatch = entityMatch(own, undefined);
  return {
    direction,
    index: rule.index,
    action: rule.action,
    source: rule.source,
    ...(ownMatch.kind !== 'any' && { own: ownMatch }),
    peers: [{ match: entityMatch(far, rule.ipVersion), text: '' }],
    anyPeerText: '',
    phrase: calicoRulePhrase(rule, direction),
    ports: rulePorts(rule),
    ...(rule.uniform && { uniform: rule.uniform }),
    unmodelled: rule.unmodelled,
  };
}

/** Destination ports for each protocol the rule matches, minus notPorts; named ports resolve at the destination. */
function rulePorts(rule: CompiledCalicoRule): RulePorts {
  const protocols = PROTOCOLS.filter((p) => rule.protocols[p].length > 0);
  const to = rule.to;
  const term = (ports: NonNullable<CompiledEntity['ports']>): PortTerm => ({ protocols, numbers: ports.numbers, names: ports.names });
  return {
    terms: [to.ports ? term(to.ports) : { protocols, numbers: [1, 65535], names: [] }],
    except: to.notPorts ? [term(to.notPorts)] : [],
  };
}

/**
 * One rule side. A pod matches when its address is in `nets` and outside `notNets`
 * (Calico matches pod addresses too; the profile's podCidrs say where they are), `notSelector` does not match
 * it, and the scoped selector does.
 * An address outside the cluster is no endpoint: a scoped side never matches it,
 * a notSelector always does; Felix renders a rule once per IP version, and a side
 * whose nets and notNets name only one family exists only for that family.
 */
function entityMatch(entity: CompiledEntity, ipVersion: 4 | 6 | undefined): EndpointMatch {
  // Felix matches `nets` against pod addresses too; where pods are is the cluster profile's (podCidrs), which the evaluator holds.
  const podSide = allOf([
    { kind: 'pods' },
    entity.nets ? { kind: 'addresses', ranges: entity.nets, podsByAddress: true } : ANY_ENDPOINT,
    entity.notNets ? notOf({ kind: 'addresses', ranges: entity.notNets, podsByAddress: true }) : ANY_ENDPOINT,
    entity.notSelector ? notOf({ kind: 'pods', pods: podPredicate(entity.notSelector) }) : ANY_ENDPOINT,
    entity.scoped ? scopedPods(entity.scoped.namespaces, entity.scoped.selector) : ANY_ENDPOINT,
  ]);
  if (entity.scoped) return podSide;
  const written = [...(entity.nets ?? []), ...(entity.notNets ?? [])];
  const families = new Set(written.map((r) => r.family));
  const external = allOf([
    { kind: 'external', ...(ipVersion !== undefined && { family: ipVersion }) },
    families.size === 1 ? { kind: 'external', family: [...families][0]! } : ANY_ENDPOINT,
    entity.nets ? { kind: 'addresses', ranges: entity.nets } : ANY_ENDPOINT,
    entity.notNets ? notOf({ kind: 'addresses', ranges: entity.notNets }) : ANY_ENDPOINT,
  ]);
  return anyOf([podSide, external]);
}

function scopedPods(namespaces: EntityNamespaces, selector: CalicoSel | undefined): EndpointMatch {
  const pods = selector && selector.ast.kind !== 'all' ? { pods: podPredicate(selector) } : {};
  switch (namespaces.kind) {
    case 'none':
      return NO_ENDPOINT;
    case 'named':
      return { kind: 'pods', namespace: namespaces.namespace, ...pods };
    case 'selected':
      return { kind: 'pods', ...(namespaces.selector.ast.kind !== 'all' && { namespaces: namespacePredicate(namespaces.selector) }), ...pods };
    case 'any':
      return { kind: 'pods', ...pods };
  }
}

/** Answers per selector and distinct label set; cleared when it grows past a bound, so a long session does not keep every answer. */
const RESULTS = new Map<string, Map<string, boolean>>();
let resultCount = 0;

function matches(selector: CalicoSel, labels: LabelSet): boolean {
  let bySet = RESULTS.get(selector.key);
  if (!bySet) {
    bySet = new Map();
    RESULTS.set(selector.key, bySet);
  }
  let result = bySet.get(labels.key);
  if (result === undefined) {
    result = evaluateSelector(selector.ast, labels.labels);
    if (++resultCount > 1_000_000) {
      RESULTS.clear();
      resultCount = 0;
    }
    bySet.set(labels.key, result);
  }
  return result;
}

const POD_LABELS = new WeakMap<PodView, LabelSet>();
const NAMESPACE_LABELS = new WeakMap<NamespaceView, LabelSet>();

/** A pod's labels with the ones Calico adds to every workload endpoint. */
function podLabels(pod: PodView): LabelSet {
  let set = POD_LABELS.get(pod);
  if (!set) {
    set = labelSetOf([...pod.labels.labels.entries(), [CALICO_NAMESPACE_LABEL, pod.namespace], [CALICO_ORCHESTRATOR_LABEL, 'k8s']]);
    POD_LABELS.set(pod, set);
  }
  return set;
}

function namespaceLabels(ns: NamespaceView): LabelSet {
  let set = NAMESPACE_LABELS.get(ns);
  if (!set) {
    set = labelSetOf([...ns.labels.labels.entries(), [CALICO_NAMESPACE_NAME_LABEL, ns.name]]);
    NAMESPACE_LABELS.set(ns, set);
  }
  return set;
}

function podPredicate(selector: CalicoSel): PodPredicate {
  return { key: `calico:${selector.key}`, test: (pod: PodView) => matches(selector, podLabels(pod)), labelKeys: labelKeysOf(selector.ast) };
}

/** The label keys a selector reads (Calico's own labels come from the namespace, which the evaluator keeps apart anyway). */
function labelKeysOf(node: SelectorNode, into: string[] = []): string[] {
  switch (node.kind) {
    case 'has':
    case 'compare':
    case 'set':
      into.push(node.key);
      break;
    case 'not':
      labelKeysOf(node.operand, into);
      break;
    case 'and':
    case 'or':
      for (const operand of node.operands) labelKeysOf(operand, into);
      break;
    default:
      break;
  }
  return into;
}

function namespacePredicate(selector: CalicoSel): LabelPredicate<NamespaceView> {
  return { key: `calico-ns:${selector.key}`, test: (ns: NamespaceView) => matches(selector, namespaceLabels(ns)) };
}
