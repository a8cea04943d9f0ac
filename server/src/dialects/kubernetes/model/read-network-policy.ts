/** ObjectRef -> NetworkPolicy (networking.k8s.io/v1), every field with its span. */
import { deref, getPair, isMap, isScalar, type YMap, type YNode } from '../../../core/parse/yaml-tree';
import { memoByObject } from '../../../model/memo';
import { readSelector } from '../../../model/label-selector';
import { readMetadata } from '../../../model/metadata';
import { listField, mapField, scalarText } from '../../../model/read-fields';
import type { Direction, Field, IpBlock, NetworkPolicy, NetworkPolicySpec, ObjectRef, Peer, PolicyRule, PortSpec } from '../../../model/types';

export const NETWORK_POLICY_API_VERSION = 'networking.k8s.io/v1';

/**
 * A Kubernetes NetworkPolicy, or something meant as one: `kind: NetworkPolicy` with a
 * missing or `networking.k8s.io/*` apiVersion (validation reports a wrong version).
 * Other dialects' NetworkPolicy kinds (another API group) are different objects.
 */
export function isNetworkPolicy(ref: ObjectRef): boolean {
  if (ref.kind?.value !== 'NetworkPolicy') return false;
  const apiVersion = ref.apiVersion?.value;
  return apiVersion === undefined || apiVersion.startsWith('networking.k8s.io/');
}

/** Memoised per ObjectRef: an object the edit did not touch is not read again (see model/memo.ts). */
export const readNetworkPolicy = memoByObject((ref: ObjectRef): NetworkPolicy => {
  return { ref, metadata: readMetadata(ref.node), spec: readSpec(ref.node) };
});

function readSpec(root: YMap): NetworkPolicySpec {
  const found = mapField(root, 'spec');
  if (!found) return {};
  const spec = found.map;
  const podSelector = readSelector(getPair(spec, 'podSelector'));
  const policyTypes = listField(spec, 'policyTypes', (node) => scalarText(node));
  const ingress = listField(spec, 'ingress', (node, index) => readRule(node, index, 'ingress'));
  const egress = listField(spec, 'egress', (node, index) => readRule(node, index, 'egress'));
  return {
    span: spec.span,
    keySpan: found.pair.key.span,
    ...(podSelector && { podSelector }),
    ...(policyTypes && { policyTypes }),
    ...(ingress && { ingress }),
    ...(egress && { egress }),
  };
}

/** A rule written as `- {}` or `-` (null) is an empty rule: all peers, all ports. */
function readRule(node: YNode, index: number, direction: Direction): PolicyRule | undefined {
  if (!isMap(node) && !(isScalar(node) && node.value === null)) return undefined;
  const map = isMap(node) ? node : undefined;
  const peers = listField(map, direction === 'ingress' ? 'from' : 'to', readPeer);
  const ports = listField(map, 'ports', readPort);
  return { direction, index, span: node.span, node, ...(peers && { peers }), ...(ports && { ports }) };
}

function readPeer(node: YNode): Peer | undefined {
  if (!isMap(node)) return undefined;
  const podSelector = readSelector(getPair(node, 'podSelector'), 'absent');
  const namespaceSelector = readSelector(getPair(node, 'namespaceSelector'), 'absent');
  const ipBlock = readIpBlock(node);
  return { span: node.span, node, ...(podSelector && { podSelector }), ...(namespaceSelector && { namespaceSelector }), ...(ipBlock && { ipBlock }) };
}

function readIpBlock(peer: YMap): IpBlock | undefined {
  const found = mapField(peer, 'ipBlock');
  if (!found) return undefined;
  const cidr = scalarText(getPair(found.map, 'cidr')?.value ?? null);
  const except = listField(found.map, 'except', (item) => scalarText(item));
  return { span: found.map.span, keySpan: found.pair.key.span, ...(cidr && { cidr }), except: except?.items ?? [] };
}

function readPort(node: YNode): PortSpec | undefined {
  // `- ` (null) is an empty port, as the API server stores it: all ports, protocol TCP.
  if (isScalar(node) && node.value === null) return { span: node.span, node };
  if (!isMap(node)) return undefined;
  const protocol = scalarText(getPair(node, 'protocol')?.value ?? null);
  const port = readPortValue(node);
  const endPortNode = deref(getPair(node, 'endPort')?.value);
  const endPort = isScalar(endPortNode) && typeof endPortNode.value === 'number' ? { value: endPortNode.value, span: endPortNode.span } : undefined;
  return { span: node.span, node, ...(protocol && { protocol }), ...(port && { port }), ...(endPort && { endPort }) };
}

/** `port: 80` is a number; `port: "80"` and `port: http` are strings (IntOrString). */
function readPortValue(node: YMap): Field<number | string> | undefined {
  const value = deref(getPair(node, 'port')?.value);
  if (!isScalar(value) || value.value === null) return undefined;
  if (typeof value.value === 'number') return { value: value.value, span: value.span };
  return { value: String(value.value), span: value.span };
}
