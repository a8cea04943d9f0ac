/** CalicoPolicy -> PolicyShape: its place in the order, whom it applies to, and what each rule matches. */
import { parseNet, type ParsedNet } from '../model/cidr';
import { effectiveNamespace, effectiveOrder, effectiveTypes } from '../model/defaults';
import { entityScope } from '../model/entity-scope';
import { calicoKey, type TierOrders } from '../model/policy-order';
import { interpretProtocol } from '../model/protocol';
import type { CalicoPolicy, CalicoPort, CalicoRule, CalicoSelector, EntityRule, IcmpMatch, ListField, Field } from '../model/types';
import type { SelectorNode } from '../selector/ast';
import type { Direction, EntityShape, PolicyShape, PortShape, RuleShape } from './shapes';

/** A written, valid selector; `null` when written but invalid; undefined when not written (or empty, which Calico reads as not set). */
function selectorNode(selector: CalicoSelector | undefined): SelectorNode | null | undefined {
  if (!selector || selector.text === '') return undefined;
  return selector.parse.ok ? selector.parse.ast : null;
}

function calicoTitle(policy: CalicoPolicy): string {
  const name = policy.metadata.name?.value ?? '(unnamed)';
  const namespace = effectiveNamespace(policy);
  const order = effectiveOrder(policy);
  const kind = policy.kind === 'GlobalNetworkPolicy' ? 'GlobalNetworkPolicy' : 'NetworkPolicy';
  return `${kind} "${namespace === undefined ? name : `${namespace}/${name}`}" (${order === undefined ? 'no order' : `order ${order}`})`;
}

export function calicoShape(uri: string, policy: CalicoPolicy, tiers: TierOrders = new Map()): PolicyShape {
  const { spec } = policy;
  const namespace = effectiveNamespace(policy);
  const written = selectorNode(spec.selector);
  const namespaceSelector = policy.kind === 'GlobalNetworkPolicy' ? selectorNode(spec.namespaceSelector) : undefined;
  const restricted = selectorNode(spec.serviceAccountSelector) !== undefined || spec.doNotTrack?.value === true || spec.preDNAT?.value === true || namespaceSelector === null;
  const selector: SelectorNode | undefined = written === null ? undefined : (written ?? { kind: 'all', span: { start: 0, end: 0 } });
  const types = effectiveTypes(policy).map((t): Direction => (t === 'Ingress' ? 'ingress' : 'egress'));
  const rules = (direction: Direction): RuleShape[] => (spec[direction]?.items ?? []).map((rule) => ruleShape(rule, namespace));
  return {
    uri,
    origin: { kind: 'calico', policy },
    key: calicoKey(policy, tiers),
    ...(namespace !== undefined && { namespace }),
    ...(selector && { selector }),
    ...(namespaceSelector && { namespaceSelector }),
    restricted,
    types,
    rules: { ingress: rules('ingress'), egress: rules('egress') },
    title: calicoTitle(policy),
    name: `"${namespace === undefined ? (policy.metadata.name?.value ?? '(unnamed)') : `${namespace}/${policy.metadata.name?.value ?? '(unnamed)'}`}"`,
    anchor: spec.order?.span ?? policy.metadata.name?.span ?? policy.ref.node.span,
  };
}

function protocolNumber(field: Field<string | number> | undefined): number | undefined {
  return field ? (interpretProtocol(field.value).number ?? -1) : undefined;
}

function icmpText(icmp: IcmpMatch | undefined): string | undefined {
  return icmp ? `${icmp.type?.value ?? '*'}/${icmp.code?.value ?? '*'}` : undefined;
}

function ruleShape(rule: CalicoRule, namespace: string | undefined): RuleShape {
  const protocol = protocolNumber(rule.protocol);
  const notProtocol = protocolNumber(rule.notProtocol);
  const icmp = icmpText(rule.icmp);
  const notIcmp = icmpText(rule.notICMP);
  return {
    direction: rule.direction,
    index: rule.index,
    action: rule.action?.value ?? '',
    ...(protocol !== undefined && { protocol }),
    ...(notProtocol !== undefined && { notProtocol }),
    ...(rule.ipVersion && { ipVersion: rule.ipVersion.value }),
    ...(icmp && { icmp }),
    ...(notIcmp && { notIcmp }),
    http: rule.http !== undefined,
    source: entityShape(rule.source, namespace),
    destination: entityShape(rule.destination, namespace),
    span: rule.span,
    ...(rule.action && { actionSpan: rule.action.span }),
  };
}

const INVALID: EntityShape = { scoped: true, namespaces: { kind: 'none' }, opaque: true };

function entityShape(entity: EntityRule | undefined, namespace: string | undefined): EntityShape {
  if (!entity) return { scoped: false, namespaces: { kind: 'any' }, opaque: false };
  const selector = selectorNode(entity.selector);
  const notSelector = selectorNode(entity.notSelector);
  const namespaceSelector = selectorNode(entity.namespaceSelector);
  if (selector === null || notSelector === null || namespaceSelector === null) return INVALID;
  const { namespaces, scoped } = entityScope({ selector, notSelector, namespaceSelector }, (s) => s.kind === 'global', namespace);
  const nets = netsOf(entity.nets);
  const notNets = netsOf(entity.notNets);
  const ports = portsOf(entity.ports);
  const notPorts = portsOf(entity.notPorts);
  return {
    scoped,
    namespaces,
    ...(selector && { selector }),
    ...(notSelector && { notSelector }),
    ...(nets && { nets }),
    ...(notNets && { notNets }),
    ...(ports && { ports }),
    ...(notPorts && { notPorts }),
    opaque: entity.serviceAccounts !== undefined || entity.services !== undefined,
  };
}

function netsOf(list: ListField<Field<string>> | undefined): ParsedNet[] | undefined {
  if (!list || list.items.length === 0) return undefined;
  return list.items.map((n) => parseNet(n.value)).filter((n): n is ParsedNet => n !== undefined);
}

function portsOf(list: ListField<CalicoPort> | undefined): PortShape[] | undefined {
  if (!list || list.items.length === 0) return undefined;
  const shapes: PortShape[] = [];
  for (const port of list.items) {
    if (port.kind === 'named' && port.name !== undefined) shapes.push({ kind: 'named', name: port.name });
    else if (port.min !== undefined && port.max !== undefined) shapes.push({ kind: 'range', min: port.min, max: port.max });
  }
  return shapes;
}
