/**
 * The authoring commands: "NetworkPolicy: New Policy from Recipe…" and the
 * references bridge the navigation code lenses run. extension.ts calls this once.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SHOW_REFERENCES_COMMAND } from '../../../server/src/protocol';
import { newPolicyFromRecipe } from './new-policy-from-recipe';
import { showReferences } from './show-references';

export const NEW_POLICY_FROM_RECIPE_COMMAND = 'netpolLens.newPolicyFromRecipe';

export function registerRecipeCommands(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_POLICY_FROM_RECIPE_COMMAND, (...args: unknown[]) => newPolicyFromRecipe(client(), ...args)),
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, showReferences),
  );
}
