/** ObjectRef -> ClusterPolicy: AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy. */
import { deref, getPair, isMap, isScalar, type YMap, type YNode } from '../../../core/parse/yaml-tree';
import { readSelector } from '../../../model/label-selector';
import { memoByObject } from '../../../model/memo';
import { readMetadata } from '../../../model/metadata';
import { listField, mapField, scalarText, stringField } from '../../../model/read-fields';
import type { Field, ObjectRef, Span } from '../../../model/types';
import type { ClusterPolicy, ClusterPolicyKind, ClusterPolicySpec, ClusterPort, ClusterRule, NamespacedPods, Selection } from './types';

export const POLICY_GROUP = 'policy.networking.k8s.io';
const KINDS: readonly ClusterPolicyKind[] = ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'];

/** One of the three kinds, with the policy.networking.k8s.io group or no apiVersion yet. */
export function isClusterPolicy(ref: ObjectRef): boolean {
  const kind = ref.kind?.value;
  if (!KINDS.includes(kind as ClusterPolicyKind)) return false;
  const apiVersion = ref.apiVersion?.value;
  return apiVersion === undefined || apiVersion.startsWith(`${POLICY_GROUP}/`);
}

/** Memoised per ObjectRef: an object the edit did not touch is not read again. */
const readClusterPolicy = memoByObject((ref: ObjectRef): ClusterPolicy => {
  const kind = ref.kind!.value as ClusterPolicyKind;
  const version = ref.apiVersion?.value.slice(POLICY_GROUP.length + 1) ?? '';
  const spec = readSpec(ref.node);
  return { ref, kind, version, metadata: readMetadata(ref.node), ...(spec && { spec }) };
});

export function readClusterPolicies(objects: readonly ObjectRef[]): ClusterPolicy[] {
  return objects.filter(isClusterPolicy).map(readClusterPolicy);
}

function readSpec(root: YMap): ClusterPolicySpec | undefined {
  const found = mapField(root, 'spec');
  if (!found) return undefined;
  const spec = found.map;
  const tier = stringField(spec, 'tier');
  const priority = intField(spec, 'priority');
  const subject = selectionField(spec, 'subject');
  const ingress = listField(spec, 'ingress', (node, index) => readRule(node, index, 'ingress'));
  const egress = listField(spec, 'egress', (node, index) => readRule(node, index, 'egress'));
  return {
    span: spec.span,
    keySpan: found.pair.key.span,
    keys: keysOf(spec),
    ...(tier && { tier }),
    ...(priority && { priority }),
    ...(subject && { subject }),
    ...(ingress && { ingress }),
    ...(egress && { egress }),
  };
}

/** An integer as YAML wrote it; anything else is left to the checks. */
function intField(map: YMap | undefined, key: string): Field<number> | undefined {
  const pair = map ? getPair(map, key) : undefined;
  const value = deref(pair?.value);
  if (!pair || !isScalar(value) || typeof value.value !== 'number' || !Number.isInteger(value.value)) return undefined;
  return { value: value.value, span: value.span, keySpan: pair.key.span };
}

function keysOf(map: YMap): Field<string>[] {
  return map.items.map((pair) => ({ value: pair.keyText, span: pair.key.span }));
}

function selectionField(map: YMap, key: string): Selection | undefined {
  const found = mapField(map, key);
  return found ? { ...readSelection(found.map), keySpan: found.pair.key.span } : undefined;
}

function readSelection(map: YMap): Selection {
  const namespaces = readSelector(getPair(map, 'namespaces'), 'absent');
  const nodes = readSelector(getPair(map, 'nodes'), 'absent');
  const pods = readPods(map);
  const networks = listField(map, 'networks', (node) => scalarText(node));
  const domainNames = listField(map, 'domainNames', (node) => scalarText(node));
  return {
    span: map.span,
    keys: keysOf(map),
    ...(namespaces && { namespaces }),
    ...(pods && { pods }),
    ...(nodes && { nodes }),
    ...(networks && { networks }),
    ...(domainNames && { domainNames }),
  };
}

function readPods(map: YMap): NamespacedPods | undefined {
  const found = mapField(map, 'pods');
  if (!found) return undefined;
  const namespaceSelector = readSelector(getPair(found.map, 'namespaceSelector'));
  const podSelector = readSelector(getPair(found.map, 'podSelector'));
  return { span: found.map.span, keySpan: found.pair.key.span, ...(namespaceSelector && { namespaceSelector }), ...(podSelector && { podSelector }) };
}

function readRule(written: YNode, index: number, direction: 'ingress' | 'egress'): ClusterRule | undefined {
  const node = deref(written);
  if (!isMap(node)) return undefined;
  const name = stringField(node, 'name');
  const action = stringField(node, 'action');
  const peers = listField(node, direction === 'ingress' ? 'from' : 'to', (item) => {
    const peer = deref(item);
    return isMap(peer) ? readSelection(peer) : undefined;
  });
  const ports = listField(node, 'ports', readPort) ?? listField(node, 'protocols', readProtocol);
  return { direction, index, span: node.span, keys: keysOf(node), ...(name && { name }), ...(action && { action }), ...(peers && { peers }), ...(ports && { ports }) };
}

/** v1alpha1: `portNumber: {protocol, port}`, `portRange: {protocol, start, end}` or `namedPort: name`. */
function readPort(written: YNode): ClusterPort | undefined {
  const node = deref(written);
  if (!isMap(node)) return undefined;
  const base = { span: node.span, keys: keysOf(node), emptyMaps: [], crowded: [] };
  const number = mapField(node, 'portNumber');
  if (number) {
    const protocol = stringField(number.map, 'protocol');
    const port = intField(number.map, 'port');
    return { ...base, kind: 'number', paths: { number: 'portNumber.port' }, ...(protocol && { protocol }), ...(port && { number: port }) };
  }
  const range = mapField(node, 'portRange');
  if (range) {
    const protocol = stringField(range.map, 'protocol');
    const start = intField(range.map, 'start');
    const end = intField(range.map, 'end');
    return { ...base, kind: 'range', paths: { start: 'portRange.start', end: 'portRange.end', range: 'portRange' }, ...(protocol && { protocol }), ...(start && { start }), ...(end && { end }) };
  }
  const name = stringField(node, 'namedPort');
  return name ? { ...base, kind: 'named', paths: {}, name } : { ...base, kind: 'unknown', paths: {} };
}

const PROTOCOL_KEYS: Readonly<Record<string, string>> = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' };

/** v1alpha2: `tcp|udp|sctp: {destinationPort: {number} | {range: {start, end}}}` or `destinationNamedPort: name`. */
function readProtocol(written: YNode): ClusterPort | undefined {
  const node = deref(written);
  if (!isMap(node)) return undefined;
  const keys = keysOf(node);
  const emptyMaps: { path: string; span: Span }[] = [];
  const crowded: { path: string; keys: string[]; span: Span }[] = [];
  const present = keys.filter((k) => k.value in PROTOCOL_KEYS || k.value === 'destinationNamedPort').map((k) => k.value);
  if (present.length > 1) crowded.push({ path: '', keys: present, span: node.span });
  for (const [key, protocolName] of Object.entries(PROTOCOL_KEYS)) {
    const found = mapField(node, key);
    if (!found) continue;
    const protocol = { value: protocolName, span: found.pair.key.span };
    if (found.map.items.length === 0) emptyMaps.push({ path: key, span: found.map.span });
    const port = mapField(found.map, 'destinationPort');
    const at = `${key}.destinationPort`;
    if (!port) return { span: node.span, keys, emptyMaps, crowded, kind: 'range', paths: {}, protocol, start: { value: 1, span: found.map.span }, end: { value: 65535, span: found.map.span } };
    if (port.map.items.length === 0) emptyMaps.push({ path: at, span: port.map.span });
    const inside = port.map.items.map((p) => p.keyText).filter((k) => k === 'number' || k === 'range');
    if (inside.length > 1) crowded.push({ path: at, keys: inside, span: port.map.span });
    const number = intField(port.map, 'number');
    if (number) return { span: node.span, keys, emptyMaps, crowded, kind: 'number', paths: { number: `${at}.number` }, protocol, number };
    const range = mapField(port.map, 'range');
    const start = range ? intField(range.map, 'start') : undefined;
    const end = range ? intField(range.map, 'end') : undefined;
    const paths = { start: `${at}.range.start`, end: `${at}.range.end`, range: `${at}.range` };
    return { span: node.span, keys, emptyMaps, crowded, kind: range ? 'range' : 'unknown', paths, protocol, ...(start && { start }), ...(end && { end }) };
  }
  const name = stringField(node, 'destinationNamedPort');
  return name ? { span: node.span, keys, emptyMaps, crowded, kind: 'named', paths: {}, name } : { span: node.span, keys, emptyMaps, crowded, kind: 'unknown', paths: {} };
}
