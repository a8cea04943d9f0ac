/** Owns the running language client, so the restart command can replace it cleanly. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export class ServerController {
  private client: LanguageClient | undefined;

  constructor(
    private readonly create: () => LanguageClient,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** The client currently running, for commands and tests that talk to the server. */
  get current(): LanguageClient | undefined {
    return this.client;
  }

  async start(): Promise<void> {
    this.client = this.create();
    try {
      await this.client.start();
    } catch (error) {
      this.output.error(`The NetworkPolicy Lens server did not start: ${String(error)}`);
      void vscode.window.showErrorMessage('NetworkPolicy Lens: the language server did not start. See the "NetworkPolicy Lens" output for details.');
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.isRunning()) await client.stop();
    await client?.dispose();
  }

  async restart(): Promise<void> {
    this.output.info('Restarting the NetworkPolicy Lens server.');
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Restarting NetworkPolicy Lens' }, async () => {
      await this.stop();
      await this.start();
    });
  }
}
