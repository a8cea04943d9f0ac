/**
 * Completion over a dialect's field schema: keys of the map at the cursor, values of
 * enumerated fields and namespace names here; list items (recipes) and values only
 * the dialect knows through its callbacks.
 */
import type { CandidateDraft } from './candidate';
import { enumDrafts, fieldDrafts, namespaceDrafts } from './complete-fields';
import type { CompletionSite } from './completion-hooks';
import { schemaTarget, type SchemaTarget } from './schema-walk';
import type { EnumSource, SchemaNode, TaggedSource } from './schema-types';
import { lineAt } from './yaml-lines';

/** A place that wants a value (or a label key or value), with a source only the dialect knows. */
export type ValueTarget<V extends TaggedSource> = Exclude<SchemaTarget<V>, { kind: 'fields' | 'list' }>;

export interface SchemaCompletion<P, V extends TaggedSource> {
  readonly root: SchemaNode<V>;
  /** Candidates at the start of a new item of `list` (`dashed`: the cursor line already starts it with `- `). */
  listItems?(site: CompletionSite<P>, list: string, dashed: boolean): CandidateDraft[];
  /** Values for targets that are not enumerations or namespace names; called only with a workspace. */
  values(site: CompletionSite<P>, target: ValueTarget<V>): CandidateDraft[];
}

export function schemaDrafts<P, V extends TaggedSource>(site: CompletionSite<P>, completion: SchemaCompletion<P, V>): CandidateDraft[] {
  const { place } = site;
  const target = schemaTarget(completion.root, place);
  if (!target) return [];
  if (target.kind === 'fields') {
    const fields = fieldDrafts(target.node, place, site.style, site.global);
    const dashed = target.list !== undefined && place.path[place.path.length - 1]?.line.start === lineAt(site.text, site.offset).start;
    return [...fields, ...(dashed && completion.listItems ? completion.listItems(site, target.list!, true) : [])];
  }
  if (target.kind === 'list') return completion.listItems?.(site, target.field, false) ?? [];
  const source = target.kind === 'value' ? target.spec.values : undefined;
  if (source?.kind === 'enum') return enumDrafts((source as EnumSource).values, place);
  if (!site.universe) return [];
  if (source?.kind === 'namespaces') return namespaceDrafts(site.universe, place);
  return completion.values(site, target);
}
