/**
 * Wires the language server: capabilities, document sync, and one thin handler per
 * request. Handlers adapt; all logic lives in services/ and analysis/.
 */
import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../analysis/file-analysis';
import { AnalysisCache } from './analysis-cache';
import { DiagnosticsPublisher } from './diagnostics-publisher';
import { listenToDocuments } from './document-sync';
import { registerFeatures, serverCapabilities } from './feature-registry';
import { keepAliveOnUncaughtErrors } from './last-resort';
import { crossFileFindings } from '../workspace/workspace-findings';
import { WorkspaceFindingsCache } from '../workspace/workspace-findings-cache';
import { normalizeUri, WorkspaceIndexer } from './index-runner';

const SERVER_NAME = 'NetworkPolicy Lens';
const SERVER_VERSION = '0.1.0';
/** How long the first index waits for the client's `didOpen` of an open editor, when none has come yet. */
const FIRST_OPEN_GRACE_MS = 500;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  // An opened file the index has read shares the index's analysis (the indexer is set just below).
  const cache: AnalysisCache = new AnalysisCache((uri, text): FileAnalysis | undefined => {
    const entry = indexer.workspace.getFile(normalizeUri(uri));
    return entry?.text === text ? entry.analysis : undefined;
  });
  const log = (message: string): void => connection.console.log(message);
  keepAliveOnUncaughtErrors(log);
  const indexer: WorkspaceIndexer = new WorkspaceIndexer(connection, documents, cache, log);
  const workspaceFindings = new WorkspaceFindingsCache();
  const diagnostics = new DiagnosticsPublisher(connection, documents, cache, log, (analysis, uri) => {
    const index = indexer.workspace.index;
    // Findings that depend on other files' policies (ordering traps across files) are not cached with the rest.
    return [...workspaceFindings.findings(analysis, index), ...crossFileFindings(normalizeUri(uri), analysis, index)];
  }, () => indexer.workspace.version);
  indexer.onDidChangeWorkspace = () => diagnostics.scheduleAll();

  connection.onInitialize((params): InitializeResult => {
    indexer.initialize(params);
    return {
      capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental }, ...serverCapabilities() },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });
  let started = false;
  connection.onInitialized(() => {
    // A second `initialized` (which no editor sends) must not index the workspace twice over.
    if (started) return;
    started = true;
    log(`${SERVER_NAME} ${SERVER_VERSION} ready (node ${process.version}).`);
    // The file the user opened comes first: its own diagnostics are published before the
    // workspace index starts reading files (the index then refreshes them with workspace findings).
    indexer.start(diagnostics.firstPublished(FIRST_OPEN_GRACE_MS));
  });

  documents.onDidChangeContent((event) => {
    diagnostics.schedule(event.document.uri);
    indexer.documentChanged(event.document);
  });
  documents.onDidClose((event) => {
    cache.delete(event.document.uri);
    diagnostics.clear(event.document.uri);
    indexer.documentClosed(event.document.uri);
  });

  registerFeatures({ connection, documents, cache, log, indexer });
  listenToDocuments(documents, connection, log);
  connection.listen();
}
