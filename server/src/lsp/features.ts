/**
 * Request handlers beyond document sync. Each feature lives in `handlers/<feature>.ts`,
 * declares its capability and registers a handler of a few lines that calls a
 * service through runSafe. Add a feature by adding it to FEATURES.
 */
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysis-cache';
import { codeActionFeature } from './handlers/code-actions';
import { codeLensFeature } from './handlers/code-lens';
import { completionFeature } from './handlers/completion';
import { definitionFeature } from './handlers/definition';
import { hoverFeature } from './handlers/hover';
import { panelFeature } from './handlers/panel-feature';
import { reachabilityFeature } from './handlers/reachability';
import { referencesFeature } from './handlers/references';
import { documentSymbolsFeature } from './handlers/symbols';
import { workspaceSymbolsFeature } from './handlers/workspace-symbols';
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

// codeLensFeature comes after panelFeature: a connection has one codeLens handler, and
// the last registered wins; codeLensFeature serves the panel's lenses too.
const FEATURES: readonly Feature[] = [
  hoverFeature,
  codeActionFeature,
  reachabilityFeature,
  panelFeature,
  completionFeature,
  documentSymbolsFeature,
  workspaceSymbolsFeature,
  definitionFeature,
  referencesFeature,
  codeLensFeature,
];

export function serverCapabilities(): ServerCapabilities {
  return Object.assign({}, ...FEATURES.map((f) => f.capabilities));
}

export function registerFeatures(context: FeatureContext): void {
  for (const feature of FEATURES) feature.register(context);
}
