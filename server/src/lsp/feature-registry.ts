/**
 * The features the server registers, in order. Add a feature by adding it to FEATURES.
 * Kept apart from features.ts, which the handlers import, so that no handler imports
 * the list that imports it.
 */
import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { Feature, FeatureContext } from './features';
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
