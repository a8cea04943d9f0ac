/** The language server's entry point: a connection over stdio or IPC (chosen by argv), then start. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start-server';

startServer(createConnection(ProposedFeatures.all));
