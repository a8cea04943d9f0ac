/**
 * ObjectRef -> WorkloadObject: the pods a manifest will run, as NetworkPolicies
 * see them (namespace, pod labels, declared container ports).
 *
 * Pod labels come from the pod template (`spec.template`, or
 * `spec.jobTemplate.spec.template` for a CronJob); a bare Pod uses its own labels.
 * A Pod with a `controller: true` owner reference is reported under its owner, except a
 * static (mirror) pod: its owner is the Node the kubelet runs it on, and the other static
 * pods of that node are different programs, so each stays a workload of its own.
 */
import { getPair, isMap, isScalar, type YMap } from '../core/parse/yaml-tree';
import { memoByObject } from './memo';
import { readMetadata } from './metadata';
import { labelEntries, listField, mapField, stringField } from './read-fields';
import type { Field, LabelEntry, ObjectRef, Span } from './types';

const WORKLOAD_KINDS = ['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Objects without a namespace land in `default`, as `kubectl apply` would put them. */
export const DEFAULT_NAMESPACE = 'default';

export interface ContainerPort {
  readonly name?: string;
  readonly port: number;
  /** With the default applied: TCP. */
  readonly protocol: string;
  readonly span: Span;
}

export interface ControllerOwner {
  readonly kind: string;
  readonly name: string;
}

export interface WorkloadObject {
  readonly ref: ObjectRef;
  readonly kind: WorkloadKind;
  readonly name: Field<string>;
  /** As written; `namespace` below has the default applied. */
  readonly namespaceField?: Field<string>;
  readonly namespace: string;
  /** The labels its pods carry (template labels, or a bare Pod's own labels). */
  readonly podLabels: readonly LabelEntry[];
  /** Where the pod labels were written, for "why" traces; the object itself when absent. */
  readonly podLabelsSpan: Span;
  readonly containerPorts: readonly ContainerPort[];
  /** For a Pod owned by a controller: its owner, under which it is grouped. */
  readonly owner?: ControllerOwner;
  /**
   * `hostNetwork: true`: the pods use their node's network namespace and IP. NetworkPolicy
   * leaves their behaviour undefined; most plugins treat their traffic as the node's.
   */
  readonly hostNetwork?: Field<true>;
}

function isWorkloadKind(kind: string | undefined): kind is WorkloadKind {
  return kind !== undefined && (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

/** Reads a workload; undefined for other kinds and for workloads without a name (the API server rejects those). */
/** Memoised per ObjectRef: an object the edit did not touch is not read again (see model/memo.ts). */
export const readWorkload = memoByObject((ref: ObjectRef): WorkloadObject | undefined => {
  const kind = ref.kind?.value;
  if (!isWorkloadKind(kind)) return undefined;
  const metadata = readMetadata(ref.node);
  if (!metadata.name || metadata.name.value === '') return undefined;
  const template = kind === 'Pod' ? undefined : podTemplate(ref.node, kind);
  const podMeta = kind === 'Pod' ? mapField(ref.node, 'metadata') : template ? mapField(template, 'metadata') : undefined;
  const podSpec = kind === 'Pod' ? mapField(ref.node, 'spec')?.map : template ? mapField(template, 'spec')?.map : undefined;
  const labelsMap = mapField(podMeta?.map, 'labels');
  const owner = kind === 'Pod' ? controllerOwner(podMeta?.map) : undefined;
  const hostNetwork = podSpec ? hostNetworkField(podSpec) : undefined;
  return {
    ref,
    kind,
    name: metadata.name,
    ...(metadata.namespace && { namespaceField: metadata.namespace }),
    namespace: metadata.namespace?.value || DEFAULT_NAMESPACE,
    podLabels: labelEntries(podMeta?.map, 'labels'),
    podLabelsSpan: labelsMap?.map.span ?? ref.node.span,
    containerPorts: readContainerPorts(podSpec),
    ...(owner && { owner }),
    ...(hostNetwork && { hostNetwork }),
  };
});

function hostNetworkField(podSpec: YMap): Field<true> | undefined {
  const pair = getPair(podSpec, 'hostNetwork');
  const value = pair?.value;
  return pair && isScalar(value) && value.value === true ? { value: true, span: value.span, keySpan: pair.key.span } : undefined;
}

function podTemplate(root: YMap, kind: WorkloadKind): YMap | undefined {
  const spec = mapField(root, 'spec')?.map;
  if (kind !== 'CronJob') return mapField(spec, 'template')?.map;
  const jobSpec = mapField(mapField(spec, 'jobTemplate')?.map, 'spec')?.map;
  return mapField(jobSpec, 'template')?.map;
}

function controllerOwner(metadata: YMap | undefined): ControllerOwner | undefined {
  const owners = listField(metadata, 'ownerReferences', (node) => (isMap(node) ? node : undefined));
  for (const owner of owners?.items ?? []) {
    const controller = getPair(owner, 'controller')?.value;
    if (!isScalar(controller) || controller.value !== true) continue;
    const kind = stringField(owner, 'kind')?.value;
    const name = stringField(owner, 'name')?.value;
    if (kind === 'Node') return undefined;
    if (kind && name) return { kind, name };
  }
  return undefined;
}

/** Ports of `containers` only: init containers' ports are not resolvable by named-port rules. */
function readContainerPorts(podSpec: YMap | undefined): ContainerPort[] {
  const containers = listField(podSpec, 'containers', (node) => (isMap(node) ? node : undefined));
  const ports: ContainerPort[] = [];
  for (const container of containers?.items ?? []) {
    const list = listField(container, 'ports', (node) => (isMap(node) ? node : undefined));
    for (const item of list?.items ?? []) {
      const port = readContainerPort(item);
      if (port) ports.push(port);
    }
  }
  return ports;
}

function readContainerPort(item: YMap): ContainerPort | undefined {
  const value = getPair(item, 'containerPort')?.value;
  if (!isScalar(value) || typeof value.value !== 'number' || !Number.isInteger(value.value)) return undefined;
  const name = stringField(item, 'name')?.value;
  const protocol = stringField(item, 'protocol')?.value ?? 'TCP';
  return { ...(name && { name }), port: value.value, protocol, span: item.span };
}
