/**
 * Recipe template -> snippet text at a place in the document: `«variable»` marks
 * become tab stops (a choice list when the workspace offers several values, the
 * first occurrence editable and later ones mirrored), and lines get the absolute
 * indentation of where the recipe goes.
 */
import { NAMESPACE_NAME_LABEL } from '../../../model/namespaces';
import type { Universe } from '../../../analysis/navigate/universe';
import { yamlString } from '../../../analysis/complete/candidate';
import type { Recipe, RecipeVariable } from './recipe-types';

/** Suggested values per variable, best first. */
export type RecipeChoices = Readonly<Record<Exclude<RecipeVariable, 'name' | 'port'>, readonly string[]>>;

export interface RecipeLayout {
  /** Column where the recipe starts: 0 for a policy, the dash's column for a rule. */
  readonly column: number;
  /** For a rule whose `- ` is already typed: the column after the dash, where the first line goes on. */
  readonly afterDash?: number;
  readonly eol: '\n' | '\r\n';
}

const MAX_CHOICES = 20;
const MARK = /«(\w+)(?::([^»]*))?»/g;

const FALLBACK: RecipeChoices = {
  namespace: ['default'],
  target: ['app: web'],
  source: ['app: frontend'],
  otherNamespace: ['other-namespace'],
  namespaceLabel: ['team: platform'],
};

/**
 * Choices from the workspace: `namespace` (the policy's, when known) comes first, its pods' labels next.
 * `hiddenLabels`: namespace labels set from the namespace's name (as kubernetes.io/metadata.name is), which no one would choose.
 */
export function recipeChoices(universe: Universe | undefined, namespace?: string, hiddenLabels: ReadonlySet<string> = new Set()): RecipeChoices {
  if (!universe || universe.namespaces.size === 0) return namespace ? { ...FALLBACK, namespace: [namespace] } : FALLBACK;
  const byWorkloads = [...universe.namespaces.keys()].sort((a, b) => (universe.podLabels.get(b)?.total ?? 0) - (universe.podLabels.get(a)?.total ?? 0) || (a < b ? -1 : 1));
  const namespaces = namespace ? [namespace, ...byWorkloads.filter((n) => n !== namespace)] : byWorkloads;
  const pods = universe.podLabels.get(namespaces[0]!);
  const target = pods ? pods.keys.flatMap((k) => k.values.map((v) => ({ pair: `${k.key}: ${yamlString(v.value)}`, count: v.count }))).sort((a, b) => b.count - a.count).map((p) => p.pair) : [];
  const namespaceLabel = universe.namespaceLabels.keys
    .filter((k) => k.key !== NAMESPACE_NAME_LABEL && !hiddenLabels.has(k.key))
    .flatMap((k) => k.values.map((v) => `${k.key}: ${yamlString(v.value)}`));
  const otherNamespace = namespaces.slice(1);
  return {
    namespace: namespaces,
    target: orFallback(target, FALLBACK.target),
    source: orFallback(target.length > 1 ? [...target.slice(1), target[0]!] : target, FALLBACK.source),
    otherNamespace: orFallback(otherNamespace, FALLBACK.otherNamespace),
    namespaceLabel: orFallback(namespaceLabel, FALLBACK.namespaceLabel),
  };
}

function orFallback(list: readonly string[], fallback: readonly string[]): readonly string[] {
  return list.length > 0 ? list.slice(0, MAX_CHOICES) : fallback;
}

export function renderRecipe(recipe: Recipe, choices: RecipeChoices, layout: RecipeLayout): string {
  const stops = new Map<string, number>();
  const lines = recipe.template.map((line, i) => {
    const rel = line.length - line.trimStart().length;
    const body = line.trimStart();
    if (i === 0) return layout.afterDash !== undefined ? body.replace(/^-\s+/, '') : body;
    const base = layout.afterDash !== undefined ? layout.afterDash + rel - 2 : layout.column + rel;
    return ' '.repeat(Math.max(0, base)) + body;
  });
  return lines.map((line) => placeholders(line, choices, stops)).join(layout.eol);
}

function placeholders(line: string, choices: RecipeChoices, stops: Map<string, number>): string {
  let out = '';
  let last = 0;
  for (const match of line.matchAll(MARK)) {
    out += escapeText(line.slice(last, match.index));
    last = match.index! + match[0].length;
    const variable = match[1]!;
    const known = stops.get(variable);
    if (known !== undefined) {
      out += `$${known}`;
      continue;
    }
    const stop = stops.size + 1;
    stops.set(variable, stop);
    out += tabStop(stop, options(variable, match[2], choices));
  }
  return out + escapeText(line.slice(last));
}

/** The template's own default comes first; the workspace's values follow. */
function options(variable: string, fallback: string | undefined, choices: RecipeChoices): string[] {
  const fromWorkspace = variable in choices ? [...choices[variable as keyof RecipeChoices]] : [];
  const all = fallback !== undefined ? [fallback, ...fromWorkspace.filter((c) => c !== fallback)] : fromWorkspace;
  return all.length > 0 ? all : [variable];
}

function tabStop(stop: number, values: readonly string[]): string {
  if (values.length === 1) return `\${${stop}:${values[0]!.replace(/[$}\\]/g, '\\$&')}}`;
  return `\${${stop}|${values.map((v) => v.replace(/[,|\\]/g, '\\$&')).join(',')}|}`;
}

function escapeText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
