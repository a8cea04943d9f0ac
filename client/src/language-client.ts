/** Builds the LanguageClient: where the server lives, which documents it sees, how it logs. */
import * as fs from 'node:fs';
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
  const flags = serverNodeFlags(context.asAbsolutePath('dist/server/node-flags.json'), output);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: flags } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...flags, '--nolazy', '--inspect=6011'] } },
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

/**
 * The Node flags the server is started with (a smaller young generation and fewer V8
 * worker threads keep its memory down; server/node-flags.json says which). Missing or
 * unreadable, the server starts with Node's defaults, which only costs memory.
 */
function serverNodeFlags(file: string, output: vscode.LogOutputChannel): string[] {
  try {
    const flags: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (Array.isArray(flags) && flags.every((f) => typeof f === 'string')) return flags;
    output.warn(`${file} is not a list of strings; starting the server with Node's defaults.`);
  } catch (error) {
    output.warn(`Could not read ${file} (${error instanceof Error ? error.message : String(error)}); starting the server with Node's defaults.`);
  }
  return [];
}
