/**
 * Request handlers beyond document sync. Each feature lives in `handlers/<feature>.ts`,
 * declares its capability and registers a handler of a few lines that calls a
 * service through runSafe. Add a feature by adding it to FEATURES.
 */
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysis-cache';
import { codeActionFeature } from './handlers/code-actions';
import { hoverFeature } from './handlers/hover';
import { panelFeature } from './handlers/panel-feature';
import { reachabilityFeature } from './handlers/reachability';
import type { Logger } from './run-safe';
import type { WorkspaceIndexer } from './workspace-index';

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

const FEATURES: readonly Feature[] = [hoverFeature, codeActionFeature, reachabilityFeature, panelFeature];

export function serverCapabilities(): ServerCapabilities {
  return Object.assign({}, ...FEATURES.map((f) => f.capabilities));
}

export function registerFeatures(context: FeatureContext): void {
  for (const feature of FEATURES) feature.register(context);
}
