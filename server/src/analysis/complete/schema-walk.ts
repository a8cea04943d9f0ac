/**
 * CursorPlace path + field schema -> what is being written: a key of a known map,
 * a label in `matchLabels`, or the value (or list item) of a known field.
 */
import type { FieldSpec, SchemaNode } from './schema-types';
import type { CursorPlace, PathStep } from './yaml-cursor';

export type SchemaTarget<V = never> =
  /** A key of the map `node`; `list` is set when the map is a new item of that list field. */
  | { readonly kind: 'fields'; readonly node: SchemaNode<V>; readonly list?: string; readonly path: readonly string[] }
  /** A key of a `matchLabels` map. */
  | { readonly kind: 'label-key'; readonly path: readonly string[] }
  /** The value of a label in a `matchLabels` map. */
  | { readonly kind: 'label-value'; readonly key: string; readonly path: readonly string[] }
  /** The value of a scalar field, or an item of a list of scalars. */
  | { readonly kind: 'value'; readonly field: string; readonly spec: FieldSpec<V>; readonly path: readonly string[] }
  /** Inside a list of maps but not in an item yet (`ingress:` then a line with no dash). */
  | { readonly kind: 'list'; readonly field: string; readonly path: readonly string[] };

/** `path` in the result is the keys of the place's path, for callers that look at where they are. */
export function schemaTarget<V>(root: SchemaNode<V>, place: CursorPlace): SchemaTarget<V> | undefined {
  const steps = stripListWrapper(place.path);
  const keys = steps.filter((s): s is Extract<PathStep, { key: string }> => 'key' in s).map((s) => s.key);
  let node: SchemaNode<V> = root;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (!('key' in step)) return undefined;
    const spec = node.fields[step.key];
    if (!spec) return undefined;
    const last = i === steps.length - 1;
    const next = steps[i + 1];
    const itemNext = next !== undefined && 'item' in next;
    const afterItem = i + 2 === steps.length;
    switch (spec.shape) {
      case 'map':
        if (last) return place.mode === 'key' ? { kind: 'fields', node: spec.node!, path: keys } : { kind: 'value', field: step.key, spec, path: keys };
        node = spec.node!;
        break;
      case 'list':
        if (last) return place.mode === 'key' ? { kind: 'list', field: step.key, path: keys } : { kind: 'value', field: step.key, spec, path: keys };
        if (!itemNext) return undefined;
        if (afterItem && place.mode === 'key') return { kind: 'fields', node: spec.node!, list: step.key, path: keys };
        node = spec.node!;
        i++;
        break;
      case 'scalar-list':
        if (last && place.mode === 'flow-item') return { kind: 'value', field: step.key, spec, path: keys };
        if (itemNext && afterItem && place.mode === 'key') return { kind: 'value', field: step.key, spec, path: keys };
        return undefined;
      case 'labels':
        if (last) return place.mode === 'key' ? { kind: 'label-key', path: keys } : undefined;
        if (next && 'key' in next && i + 2 === steps.length && place.mode === 'value') return { kind: 'label-value', key: next.key, path: keys };
        return undefined;
      case 'scalar':
        return last && place.mode === 'value' ? { kind: 'value', field: step.key, spec, path: keys } : undefined;
      case 'free-map':
        return undefined;
    }
  }
  return place.mode === 'key' ? { kind: 'fields', node, path: keys } : undefined;
}

/** The objects of a `kind: List` document sit under `items:`; their paths start after the item. */
function stripListWrapper(path: readonly PathStep[]): readonly PathStep[] {
  const first = path[0];
  return first && 'key' in first && first.key === 'items' && path[1] && 'item' in path[1] ? path.slice(2) : path;
}
