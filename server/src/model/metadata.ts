/** YAML -> Metadata (name, namespace, labels, annotations). */
import type { YMap } from '../core/parse/yaml-tree';
import { labelEntries, mapField, stringField } from './read-fields';
import type { Metadata } from './types';

export function readMetadata(root: YMap): Metadata {
  const found = mapField(root, 'metadata');
  const map = found?.map;
  const name = stringField(map, 'name');
  const namespace = stringField(map, 'namespace');
  const creationTimestamp = stringField(map, 'creationTimestamp');
  return {
    ...(map && { span: map.span }),
    ...(name && { name }),
    ...(namespace && { namespace }),
    labels: labelEntries(map, 'labels'),
    annotations: labelEntries(map, 'annotations'),
    ...(creationTimestamp && { creationTimestamp }),
  };
}
