/** ObjectRef -> ServiceObject (`kind: Service`), for display next to the workloads it selects. */
import { getPair, isMap, isScalar, type YMap } from '../core/parse/yaml-tree';
import { memoByObject } from './memo';
import { readMetadata } from './metadata';
import { labelEntries, listField, mapField, stringField } from './read-fields';
import { DEFAULT_NAMESPACE } from './workloads';
import type { Field, LabelEntry, ObjectRef, Span } from './types';

export interface ServicePort {
  readonly name?: string;
  readonly port?: number;
  /** A number or a named container port, as written. */
  readonly targetPort?: number | string;
  readonly protocol: string;
  readonly span: Span;
}

export interface ServiceObject {
  readonly ref: ObjectRef;
  readonly name: Field<string>;
  readonly namespace: string;
  /** `spec.selector`; a Service without one selects no pods by label. */
  readonly selector?: readonly LabelEntry[];
  readonly ports: readonly ServicePort[];
}

/** Memoised per ObjectRef: an object the edit did not touch is not read again (see model/memo.ts). */
export const readService = memoByObject((ref: ObjectRef): ServiceObject | undefined => {
  if (ref.kind?.value !== 'Service') return undefined;
  const metadata = readMetadata(ref.node);
  if (!metadata.name || metadata.name.value === '') return undefined;
  const spec = mapField(ref.node, 'spec')?.map;
  const hasSelector = spec !== undefined && mapField(spec, 'selector') !== undefined;
  const ports = listField(spec, 'ports', (node) => (isMap(node) ? readServicePort(node) : undefined));
  return {
    ref,
    name: metadata.name,
    namespace: metadata.namespace?.value || DEFAULT_NAMESPACE,
    ...(hasSelector && { selector: labelEntries(spec, 'selector') }),
    ports: ports?.items ?? [],
  };
});

function readServicePort(item: YMap): ServicePort {
  const port = getPair(item, 'port')?.value;
  const target = getPair(item, 'targetPort')?.value;
  const name = stringField(item, 'name')?.value;
  const targetPort = isScalar(target) && (typeof target.value === 'number' || typeof target.value === 'string') ? target.value : undefined;
  return {
    ...(name && { name }),
    ...(isScalar(port) && typeof port.value === 'number' && { port: port.value }),
    ...(targetPort !== undefined && { targetPort }),
    protocol: stringField(item, 'protocol')?.value ?? 'TCP',
    span: item.span,
  };
}
