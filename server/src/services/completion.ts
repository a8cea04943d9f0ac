/**
 * Completion: turns the core's candidates (analysis/complete) into LSP items with
 * text edits, and serves the recipe list of the "New Policy from Recipe" command.
 */
import type { CompletionItem, CompletionItemKind, CompletionList, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../analysis/file-analysis';
import type { CandidateKind, CompletionCandidate } from '../analysis/complete/candidate';
import { completeAt, NAMESPACE_NAME_LABELS } from '../analysis/complete/complete';
import type { Universe } from '../analysis/navigate/universe';
import { DIALECTS } from '../dialects/registry';
import type { RecipesParams, RecipesResult } from '../protocol';
import { positionToOffset, spanToRange } from './positions';

/** Typed after these characters, VS Code asks again: values after `key: `, keys after `- `, selector parts. */
export const COMPLETION_TRIGGERS = [' ', ':', '-', '"', "'", '(', ','];

const KINDS: Record<CandidateKind, CompletionItemKind> = {
  field: 10,
  value: 20,
  'label-key': 5,
  'label-value': 12,
  namespace: 9,
  port: 21,
  operator: 24,
  function: 3,
  snippet: 15,
};

/** `indexing`: the workspace is still being read, so the client should ask again for fuller answers. */
export function completionsAt(document: TextDocument, analysis: FileAnalysis, position: Position, universe: Universe | undefined, indexing = false): CompletionList {
  // Completion reads and writes block YAML; in a JSON document its insertions would not be JSON.
  if (document.languageId === 'json') return { isIncomplete: false, items: [] };
  const candidates = completeAt(analysis, positionToOffset(document, position), universe);
  return { isIncomplete: indexing, items: candidates.map((c) => toItem(document, c)) };
}

function toItem(document: TextDocument, candidate: CompletionCandidate): CompletionItem {
  const multiline = candidate.insertText.includes('\n');
  return {
    label: candidate.label,
    kind: KINDS[candidate.kind],
    ...(candidate.detail && { detail: candidate.detail }),
    ...(candidate.documentation && { documentation: { kind: 'markdown', value: candidate.documentation } }),
    sortText: candidate.sortText,
    ...(candidate.filterText && { filterText: candidate.filterText }),
    textEdit: { range: spanToRange(document, candidate.replace), newText: candidate.insertText },
    insertTextFormat: candidate.snippet ? 2 : 1,
    // Inserted lines carry their absolute indentation, computed from the document.
    ...(multiline && { insertTextMode: 1 }),
    ...(candidate.retrigger && { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } }),
  };
}

/** netpolLens/recipes: every dialect's recipes rendered at column 0 with choices for `namespace` (or the busiest namespace). */
export function recipesFor(universe: Universe | undefined, params: RecipesParams): RecipesResult {
  const rendered = DIALECTS.flatMap((dialect) => (dialect.recipes ? [dialect.recipes.render(universe, params.namespace, NAMESPACE_NAME_LABELS)] : []));
  const recipes = rendered.flatMap((r) => r.recipes);
  const namespace = rendered[0]?.namespace ?? params.namespace ?? 'default';
  const namespaces = universe
    ? [...universe.namespaces.keys()].map((name) => ({ name, workloads: universe.podLabels.get(name)?.total ?? 0 })).sort((a, b) => b.workloads - a.workloads || (a.name < b.name ? -1 : 1))
    : [];
  return { recipes, namespaces, namespace };
}
