/**
 * What a request handler beyond document sync is: each feature lives in
 * `handlers/<feature>.ts`, declares its capability and registers a handler of a few
 * lines that calls a service through runSafe. The list is feature-registry.ts.
 */
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysis-cache';
import type { Logger } from './run-safe';
import type { WorkspaceIndexer } from './index-runner';

export interface FeatureContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: AnalysisCache;
  readonly log: Logger;
  /** The workspace of all manifest files (open buffers included) and its reachability. */
  readonly indexer: WorkspaceIndexer;
}

export interface Feature {
  readonly capabilities: ServerCapabilities;
  register(context: FeatureContext): void;
}
