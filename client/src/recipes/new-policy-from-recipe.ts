/**
 * "NetworkPolicy: New Policy from Recipe…": pick a recipe, then a namespace of the
 * workspace (or type one), and the policy is inserted as a snippet whose
 * placeholders offer the labels that namespace's pods carry. The server renders
 * the recipes (netpolLens/recipes); this only asks and inserts.
 *
 * For scripts and tests the command also takes `(recipeId, namespace)` and then
 * asks nothing.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RecipesRequest, type NamespaceChoiceDto, type RecipeDto, type RecipesParams, type RecipesResult } from '../../../server/src/protocol';

export async function newPolicyFromRecipe(client: LanguageClient | undefined, ...args: unknown[]): Promise<boolean> {
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('NetworkPolicy Lens: the language server is not running.');
    return false;
  }
  const [givenId, givenNamespace] = args;
  const first = await recipes(client, {});
  const recipe = typeof givenId === 'string' ? first.recipes.find((r) => r.id === givenId) : await pickRecipe(first.recipes);
  if (!recipe) return false;
  const namespace = typeof givenNamespace === 'string' ? givenNamespace : await pickNamespace(first.namespaces, first.namespace);
  if (namespace === undefined) return false;
  const rendered = (await recipes(client, { namespace })).recipes.find((r) => r.id === recipe.id);
  return rendered ? insert(rendered.snippet) : false;
}

function recipes(client: LanguageClient, params: RecipesParams): Promise<RecipesResult> {
  return client.sendRequest<RecipesResult>(RecipesRequest.method, params);
}

async function pickRecipe(all: readonly RecipeDto[]): Promise<RecipeDto | undefined> {
  const items = all.filter((r) => r.kind === 'policy').map((recipe) => ({ label: recipe.title, detail: recipe.description, recipe }));
  const picked = await vscode.window.showQuickPick(items, { title: 'New Policy from Recipe', placeHolder: 'What should the policy do?', matchOnDetail: true });
  return picked?.recipe;
}

/** Namespaces with the most workloads first; a typed name that is not in the list can be used as well. */
function pickNamespace(namespaces: readonly NamespaceChoiceDto[], fallback: string): Promise<string | undefined> {
  const known = namespaces.length > 0 ? namespaces : [{ name: fallback, workloads: 0 }];
  const items: vscode.QuickPickItem[] = known.map((ns) => ({ label: ns.name, description: `${ns.workloads} workload${ns.workloads === 1 ? '' : 's'}` }));
  const pick = vscode.window.createQuickPick();
  pick.title = 'New Policy from Recipe: namespace';
  pick.placeholder = 'The namespace of the policy (type a name to use another)';
  pick.items = items;
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: string | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidChangeValue((value) => {
      const typed = value.trim();
      pick.items = typed && !known.some((ns) => ns.name === typed) ? [...items, { label: typed, description: 'another namespace' }] : items;
    });
    pick.onDidAccept(() => finish(pick.selectedItems[0]?.label ?? (pick.value.trim() || undefined)));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

/** Into the active YAML editor (after a `---` when it has content), or into a new YAML document. */
async function insert(snippet: string): Promise<boolean> {
  let editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'yaml') {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    editor = await vscode.window.showTextDocument(document);
  }
  const document = editor.document;
  const text = document.getText();
  if (text.trim() === '') return editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Range(document.positionAt(0), document.positionAt(text.length)));
  const separator = `${/\n$/.test(text) ? '' : '\n'}---\n`;
  const end = document.positionAt(text.length);
  return editor.insertSnippet(new vscode.SnippetString(separator.replace(/\$/g, '\\$') + snippet), end);
}
