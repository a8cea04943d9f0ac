/** ObjectRef -> NamespaceObject (`kind: Namespace`): its name and labels. */
import { readMetadata } from './metadata';
import { memoByObject } from './memo';
import type { Field, LabelEntry, ObjectRef } from './types';

/** The label every namespace carries automatically (Kubernetes 1.21+), set to its name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface NamespaceObject {
  readonly ref: ObjectRef;
  readonly name: Field<string>;
  /** As written; the automatic name label is added by the workspace index, not here. */
  readonly labels: readonly LabelEntry[];
}

/** Memoised per ObjectRef: an object the edit did not touch is not read again (see model/memo.ts). */
export const readNamespace = memoByObject((ref: ObjectRef): NamespaceObject | undefined => {
  if (ref.kind?.value !== 'Namespace') return undefined;
  const metadata = readMetadata(ref.node);
  if (!metadata.name || metadata.name.value === '') return undefined;
  return { ref, name: metadata.name, labels: metadata.labels };
});
