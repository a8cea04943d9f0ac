/** Every NetworkPolicy recipe rendered for "New Policy from Recipe" (the dialect's RecipeHooks). */
import type { RecipeHooks } from '../../../analysis/complete/completion-hooks';
import { POLICY_RECIPES, recipeChoices, renderRecipe, RULE_RECIPES } from '.';

export const kubernetesRecipes: RecipeHooks = {
  render(universe, namespace, hiddenLabels) {
    const choices = recipeChoices(universe, namespace, hiddenLabels);
    const recipes = [...POLICY_RECIPES, ...RULE_RECIPES].map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      description: r.description,
      snippet: renderRecipe(r, choices, { column: 0, eol: '\n' }),
    }));
    return { recipes, namespace: choices.namespace[0]! };
  },
};
