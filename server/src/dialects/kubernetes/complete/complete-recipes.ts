/**
 * Recipe snippets as completion items: whole policies in an empty document, and
 * rules at the start of an item of `ingress` or `egress`.
 */
import { expandSnippet, recipeChoices, recipesOfKind, renderRecipe, type Recipe, type RecipeChoices } from '../recipes';
import type { Universe } from '../../../analysis/navigate/universe';
import type { CandidateDraft } from '../../../analysis/complete/candidate';
import type { CursorPlace } from '../../../analysis/complete/yaml-cursor';

/** A whole new policy at column 0 of an empty document. */
export function policyRecipeDrafts(place: CursorPlace, universe: Universe | undefined, eol: '\n' | '\r\n', hiddenLabels: ReadonlySet<string>): CandidateDraft[] {
  if (place.column !== 0 || place.mode !== 'key' || place.path.length > 0) return [];
  const choices = recipeChoices(universe, undefined, hiddenLabels);
  return recipesOfKind('policy').map((recipe) => draft(recipe, renderRecipe(recipe, choices, { column: 0, eol }), choices, 'NetworkPolicy'));
}

/**
 * Rules for the list `direction`: `dash` is set when the cursor line already
 * starts an item (`- `), whose content begins at `place.column`.
 */
export function ruleRecipeDrafts(direction: 'ingress' | 'egress', place: CursorPlace, dashed: boolean, universe: Universe | undefined, namespace: string, eol: '\n' | '\r\n', hiddenLabels: ReadonlySet<string>): CandidateDraft[] {
  const choices = recipeChoices(universe, namespace, hiddenLabels);
  const layout = dashed ? { column: place.column - 2, afterDash: place.column, eol } : { column: place.column, eol };
  return recipesOfKind(direction === 'ingress' ? 'ingress-rule' : 'egress-rule').map((recipe) => draft(recipe, renderRecipe(recipe, choices, layout), choices, `${direction} rule`));
}

function draft(recipe: Recipe, snippet: string, choices: RecipeChoices, what: string): CandidateDraft {
  const preview = expandSnippet(renderRecipe(recipe, choices, { column: 0, eol: '\n' }));
  return {
    label: recipe.title,
    kind: 'snippet',
    detail: `recipe: ${what}`,
    documentation: `${recipe.description}\n\n\`\`\`yaml\n${preview}\n\`\`\``,
    insertText: snippet,
    snippet: true,
    filterText: `${recipe.title} ${recipe.kind === 'policy' ? 'NetworkPolicy ' : ''}${recipe.id}`,
  };
}
