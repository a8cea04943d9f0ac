/**
 * The extension's entry point: starts the language server and registers commands.
 * All analysis happens in the server; the client only adapts VS Code to it.
 */
import * as vscode from 'vscode';
import { createLanguageClient } from './language-client';
import { registerReachabilityPanel } from './panel/register-panel';
import type { PanelTestApi } from './panel/test-hooks';
import { registerRecipeCommands } from './recipes/register-recipes';
import { ServerController } from './server-controller';

let controller: ServerController | undefined;

/** What activate() returns: the server controller, and the reachability panel's test API. */
export interface NetpolLensApi {
  readonly controller: ServerController;
  readonly panel: PanelTestApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<NetpolLensApi> {
  const output = vscode.window.createOutputChannel('NetworkPolicy Lens', { log: true });
  context.subscriptions.push(output);
  const server = new ServerController(() => createLanguageClient(context, output), output);
  controller = server;
  const panel = registerReachabilityPanel(context, () => controller?.current, output);
  registerRecipeCommands(context, () => controller?.current);
  context.subscriptions.push(
    vscode.commands.registerCommand('netpolLens.restartServer', async () => {
      await controller?.restart();
      panel.attach(controller?.current);
    }),
  );
  await server.start();
  panel.attach(server.current);
  return { controller: server, panel: panel.testApi };
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
