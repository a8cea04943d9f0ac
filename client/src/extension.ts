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
import { IndexStatusItem, type StatusItemState } from './status/index-status-item';
import { registerWalkthroughCommands } from './walkthrough/walkthrough-commands';

/** When VS Code evaluated this bundle: activation's cost begins with loading it. */
const loadedAt = Date.now();

let controller: ServerController | undefined;

/** Wall-clock times (Date.now()) of the extension's start, read by the real-VS-Code test that prints them. */
export interface StartupTimes {
  readonly loadedAt: number;
  readonly activateStartedAt: number;
  /** activate() returned: the server answered `initialize`. */
  readonly activatedAt: number;
}

/** What activate() returns: the server controller, the reachability panel's test API, and what the real-VS-Code tests read. */
export interface NetpolLensApi {
  readonly controller: ServerController;
  readonly panel: PanelTestApi;
  readonly startup: StartupTimes;
  /** What the status bar item shows. */
  statusItem(): StatusItemState;
}

export async function activate(context: vscode.ExtensionContext): Promise<NetpolLensApi> {
  const activateStartedAt = Date.now();
  const output = vscode.window.createOutputChannel('NetworkPolicy Lens', { log: true });
  context.subscriptions.push(output);
  const server = new ServerController(() => createLanguageClient(context, output), output);
  controller = server;
  const panel = registerReachabilityPanel(context, () => controller?.current, output);
  registerRecipeCommands(context, () => controller?.current);
  registerWalkthroughCommands(context);
  const statusItem = new IndexStatusItem(panel.hub);
  context.subscriptions.push(statusItem);
  context.subscriptions.push(
    vscode.commands.registerCommand('netpolLens.restartServer', async () => {
      await controller?.restart();
      panel.attach(controller?.current);
    }),
  );
  await server.start();
  panel.attach(server.current);
  return { controller: server, panel: panel.testApi, startup: { loadedAt, activateStartedAt, activatedAt: Date.now() }, statusItem: () => statusItem.state };
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
