/**
 * NetworkPolicy (Kubernetes) -> PolicyShape, the way Calico converts it: order
 * 1000 in the default tier, a label selector as the equivalent Calico selector,
 * and one Allow rule per peer and port (peers are alternatives, and so are ports).
 */
import { compileSelector, type Requirement } from '../../../model/selectors';
import { effectivePolicyTypes } from '../../kubernetes/policy-defaults';
import type { LabelSelector, NetworkPolicy, Peer, PolicyRule, PortSpec } from '../../../model/types';
import { parseNet, type ParsedNet } from '../model/cidr';
import { kubernetesKey, type TierOrders } from '../model/policy-order';
import { PROTOCOL_NUMBERS, type ProtocolName } from '../model/protocol';
import type { SelectorNode } from '../selector/ast';
import type { Direction, EntityShape, PolicyShape, PortShape, RuleShape } from './shapes';

const SPAN = { start: 0, end: 0 };
const ALL: SelectorNode = { kind: 'all', span: SPAN };

/** A label selector as a Calico selector; undefined when the API server would reject it. */
function labelSelectorNode(selector: LabelSelector): SelectorNode | undefined {
  const compiled = compileSelector(selector);
  if (compiled.problems.length > 0) return undefined;
  const nodes = compiled.selector.requirements.map(requirementNode);
  if (nodes.length === 0) return ALL;
  return nodes.length === 1 ? nodes[0]! : { kind: 'and', span: SPAN, operands: nodes };
}

function requirementNode(r: Requirement): SelectorNode {
  const has: SelectorNode = { kind: 'has', span: SPAN, key: r.key, keySpan: SPAN };
  switch (r.operator) {
    case 'In':
      return { kind: 'set', span: SPAN, operator: 'in', key: r.key, keySpan: SPAN, values: r.values, valuesSpan: SPAN };
    case 'NotIn':
      return { kind: 'set', span: SPAN, operator: 'not in', key: r.key, keySpan: SPAN, values: r.values, valuesSpan: SPAN };
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return { kind: 'not', span: SPAN, operand: has };
  }
}

export function kubernetesShape(uri: string, policy: NetworkPolicy, tiers: TierOrders = new Map()): PolicyShape {
  const namespace = policy.metadata.namespace?.value || 'default';
  const name = policy.metadata.name?.value ?? '(unnamed)';
  const selector = policy.spec.podSelector ? labelSelectorNode(policy.spec.podSelector) : ALL;
  const types = effectivePolicyTypes(policy).map((t): Direction => (t === 'Ingress' ? 'ingress' : 'egress'));
  const rules = (direction: Direction): RuleShape[] => (policy.spec[direction]?.items ?? []).flatMap((rule) => ruleShapes(rule, namespace));
  return {
    uri,
    origin: { kind: 'kubernetes', policy },
    key: kubernetesKey(namespace, name, tiers),
    namespace,
    ...(selector && { selector }),
    restricted: false,
    types,
    rules: { ingress: rules('ingress'), egress: rules('egress') },
    title: `Kubernetes NetworkPolicy "${namespace}/${name}" (order 1000 for Calico)`,
    name: `"${namespace}/${name}"`,
    anchor: policy.metadata.name?.span ?? policy.ref.node.span,
  };
}

const ANYTHING: EntityShape = { scoped: false, namespaces: { kind: 'any' }, opaque: false };
const NOTHING: EntityShape = { scoped: true, namespaces: { kind: 'none' }, opaque: true };

function ruleShapes(rule: PolicyRule, namespace: string): RuleShape[] {
  const peers = rule.peers && rule.peers.items.length > 0 ? rule.peers.items.map((p) => peerShape(p, namespace)) : [ANYTHING];
  const ports = rule.ports && rule.ports.items.length > 0 ? rule.ports.items.map(portShape) : [{}];
  const ingress = rule.direction === 'ingress';
  return peers.flatMap((peer) =>
    ports.map((port): RuleShape => {
      const withPorts = (side: EntityShape): EntityShape => (port.ports ? { ...side, ports: port.ports } : side);
      return {
        direction: rule.direction,
        index: rule.index,
        action: 'Allow',
        ...(port.protocol !== undefined && { protocol: port.protocol }),
        http: false,
        source: ingress ? peer : ANYTHING,
        destination: withPorts(ingress ? ANYTHING : peer),
        span: rule.span,
      };
    }),
  );
}

function peerShape(peer: Peer, namespace: string): EntityShape {
  if (peer.ipBlock) {
    const cidr = peer.ipBlock.cidr ? parseNet(peer.ipBlock.cidr.value) : undefined;
    if (!cidr) return NOTHING;
    const except = peer.ipBlock.except.map((e) => parseNet(e.value)).filter((n): n is ParsedNet => n !== undefined);
    return { ...ANYTHING, nets: [cidr], ...(except.length > 0 && { notNets: except }) };
  }
  const pods = peer.podSelector ? labelSelectorNode(peer.podSelector) : undefined;
  const namespaces = peer.namespaceSelector ? labelSelectorNode(peer.namespaceSelector) : undefined;
  if ((peer.podSelector && !pods) || (peer.namespaceSelector && !namespaces) || (!peer.podSelector && !peer.namespaceSelector)) return NOTHING;
  return { scoped: true, namespaces: namespaces ? { kind: 'selected', selector: namespaces } : { kind: 'named', namespace }, ...(pods && { selector: pods }), opaque: false };
}

function portShape(port: PortSpec): { protocol?: number; ports?: PortShape[] } {
  const name = (port.protocol?.value ?? 'TCP') as ProtocolName;
  const protocol = PROTOCOL_NUMBERS[name] ?? -1;
  const value = port.port?.value;
  if (value === undefined) return { protocol };
  if (typeof value === 'string') return { protocol, ports: [{ kind: 'named', name: value }] };
  return { protocol, ports: [{ kind: 'range', min: value, max: port.endPort?.value ?? value }] };
}
