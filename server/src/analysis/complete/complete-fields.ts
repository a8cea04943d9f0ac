/**
 * Keys of the map at the cursor (never one already present), each inserted with
 * the shape its value needs, and the values of enumerated fields.
 */
import type { YamlStyle } from '../fixes/yaml-style';
import type { Universe } from '../navigate/universe';
import { plural, type CandidateDraft } from './candidate';
import type { EnumValue, FieldSpec, SchemaNode } from './schema-types';
import type { CursorPlace } from './yaml-cursor';

/** `global`: the policy is cluster-scoped, which decides the fields offered `only` in one scope. */
export function fieldDrafts<V>(node: SchemaNode<V>, place: CursorPlace, style: YamlStyle, global: boolean): CandidateDraft[] {
  const present = new Set(place.siblings);
  return Object.entries(node.fields)
    .filter(([key, spec]) => !present.has(key) && offeredIn(spec, global))
    .map(([key, spec]) => {
      const insert = place.hasColon ? { text: key, snippet: false, retrigger: false } : keyInsert(key, spec, place.column, style);
      return {
        label: key,
        kind: 'field',
        detail: describeShape(spec, node),
        documentation: spec.doc,
        insertText: insert.text,
        snippet: insert.snippet,
        ...(insert.retrigger && { retrigger: true }),
      };
    });
}

function offeredIn<V>(spec: FieldSpec<V>, global: boolean): boolean {
  if (spec.only === 'global') return global;
  if (spec.only === 'namespaced') return !global;
  return true;
}

/** `key: ` for scalars; `key:` and an indented line (with a dash for lists) for maps and lists. */
function keyInsert<V>(key: string, spec: FieldSpec<V>, column: number, style: YamlStyle): { text: string; snippet: boolean; retrigger: boolean } {
  const nested = ' '.repeat(column + style.indent);
  const dash = `${' '.repeat(column + style.seqOffset)}-${' '.repeat(Math.max(1, style.dashGap - 1))}`;
  switch (spec.shape) {
    case 'map':
    case 'labels':
      return { text: `${key}:${style.eol}${nested}$0`, snippet: true, retrigger: true };
    case 'free-map':
      return { text: `${key}:${style.eol}${nested}$0`, snippet: true, retrigger: false };
    case 'list':
    case 'scalar-list':
      return { text: `${key}:${style.eol}${dash}$0`, snippet: true, retrigger: spec.shape === 'list' || spec.values !== undefined };
    case 'scalar':
      return { text: `${key}: `, snippet: false, retrigger: spec.values !== undefined };
  }
}

function describeShape<V>(spec: FieldSpec<V>, owner: SchemaNode<V>): string {
  const shape = { map: 'map', labels: 'labels', 'free-map': 'map', list: 'list', 'scalar-list': 'list', scalar: 'value' }[spec.shape];
  return `${shape} in ${owner.title}`;
}

/** Enumerated values, minus list items already written. */
export function enumDrafts(values: readonly EnumValue[], place: CursorPlace): CandidateDraft[] {
  const present = new Set(place.siblings);
  const space = place.mode === 'value' && place.value?.needsSpace ? ' ' : '';
  return values
    .filter((v) => !present.has(v.value))
    .map((v) => ({ label: v.value, kind: 'value', ...(v.doc && { detail: v.doc }), insertText: space + v.value }));
}

/** Namespace names of the workspace, those with the most workloads first. */
export function namespaceDrafts(universe: Universe, place: CursorPlace): CandidateDraft[] {
  const space = place.mode === 'value' && place.value?.needsSpace ? ' ' : '';
  return [...universe.namespaces.keys()]
    .map((name) => ({ name, workloads: universe.podLabels.get(name)?.total ?? 0 }))
    .sort((a, b) => b.workloads - a.workloads || (a.name < b.name ? -1 : 1))
    .map(({ name, workloads }) => ({ label: name, kind: 'namespace', detail: `namespace · ${plural(workloads, 'workload')}`, insertText: space + name }));
}
