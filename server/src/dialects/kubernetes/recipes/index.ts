/**
 * The recipes, and what turns them into snippets.
 *
 *   const choices = recipeChoices(universe, 'shop');
 *   renderRecipe(recipeById('deny-all-ingress')!, choices, { column: 0, eol: '\n' });
 *   expandSnippet(snippet);  // what Tab-Tab-Tab would leave in the editor
 */
import { POLICY_RECIPES } from './policy-recipes';
import type { Recipe, RecipeKind } from './recipe-types';
import { RULE_RECIPES } from './rule-recipes';

export { expandSnippet } from './expand-snippet';
export { recipeChoices, renderRecipe, type RecipeChoices, type RecipeLayout } from './render-recipe';
export type { Recipe, RecipeKind, RecipeVariable } from './recipe-types';
export { POLICY_RECIPES, RULE_RECIPES };

const ALL_RECIPES: readonly Recipe[] = [...POLICY_RECIPES, ...RULE_RECIPES];

export function recipesOfKind(kind: RecipeKind): Recipe[] {
  return ALL_RECIPES.filter((r) => r.kind === kind);
}
