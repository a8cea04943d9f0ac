/** Builds the LanguageClient: where the server lives, which documents it sees, how it logs. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/**
 * YAML and JSON documents, by their existing language ids: the extension adds no
 * language of its own, so it runs beside Red Hat's YAML extension, not instead of it.
 */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'untitled', language: 'json' },
];

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    // `files` too: the server re-indexes when files.exclude changes.
    synchronize: { configurationSection: ['netpolLens', 'files'] },
  };
  // The id `netpolLens` makes the client read its trace level from `netpolLens.trace.server`.
  return new LanguageClient('netpolLens', 'NetworkPolicy Lens', serverOptions, clientOptions);
}
