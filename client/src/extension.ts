/**
 * The extension's entry point: starts the language server and registers commands.
 * All analysis happens in the server; the client only adapts VS Code to it.
 */
import * as vscode from 'vscode';
import { createLanguageClient } from './language-client';
import { ServerController } from './server-controller';

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ServerController> {
  const output = vscode.window.createOutputChannel('NetworkPolicy Lens', { log: true });
  context.subscriptions.push(output);
  controller = new ServerController(() => createLanguageClient(context, output), output);
  context.subscriptions.push(
    vscode.commands.registerCommand('netpolLens.restartServer', () => controller?.restart()),
  );
  await controller.start();
  return controller;
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
