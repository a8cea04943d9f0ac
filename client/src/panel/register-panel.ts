/**
 * Everything the reachability panel adds to the extension: the command (palette,
 * editor title, code lens), the serializer that revives the panel after a window
 * reload, the context key for the title button, and the test API.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SHOW_REACHABILITY_COMMAND } from '../../../server/src/protocol';
import { PANEL_VIEW_TYPE } from '../webview-protocol';
import { CursorTracker } from './editor-links';
import type { CursorTarget } from './panel-session';
import { trackPolicyContext } from './policy-context';
import type { PanelDependencies } from './reachability-panel';
import { IndexStatusHub } from './server-api';
import { PanelTestHooks, type PanelTestApi } from './test-hooks';

type PanelModule = typeof import('./reachability-panel');
let panelModule: PanelModule | undefined;

/**
 * The panel's host code is a bundle of its own (dist/client/panel.js, see esbuild.mjs),
 * loaded the first time the panel opens: activation, which the first diagnostics wait
 * for, does not load it.
 */
function loadPanel(): PanelModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  panelModule ??= require(PANEL_BUNDLE) as PanelModule;
  return panelModule;
}

/** Relative to the extension's bundle (dist/client/extension.js); esbuild leaves it external. */
export const PANEL_BUNDLE = './panel.js';

export interface PanelRegistration {
  /** Call with each new language client (start and restart). */
  attach(client: LanguageClient | undefined): void;
  readonly testApi: PanelTestApi;
  /** netpolLens/indexStatus, shared by the panel and the status bar item. */
  readonly hub: IndexStatusHub;
}

export function registerReachabilityPanel(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, log: vscode.LogOutputChannel): PanelRegistration {
  const hub = new IndexStatusHub();
  const cursor = new CursorTracker();
  const hooks = new PanelTestHooks();
  const deps: PanelDependencies = { extensionUri: context.extensionUri, client, hub, cursor, hooks, log };
  context.subscriptions.push(
    hub,
    cursor,
    trackPolicyContext(),
    vscode.commands.registerCommand(SHOW_REACHABILITY_COMMAND, (...args: unknown[]) => void loadPanel().ReachabilityPanel.createOrShow(deps, lensTarget(args))),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => void loadPanel().ReachabilityPanel.revive(panel, deps),
    }),
    { dispose: () => panelModule?.ReachabilityPanel.current?.dispose() },
  );
  return {
    attach: (next) => {
      hub.attach(next);
      panelModule?.ReachabilityPanel.current?.reconnect();
    },
    testApi: hooks.api(() => panelModule?.ReachabilityPanel.current),
    hub,
  };
}

/** The code lens passes the policy's uri and position; the palette and the title button pass none or a Uri. */
function lensTarget(args: readonly unknown[]): CursorTarget | undefined {
  const [uri, position] = args;
  const p = position as { line?: unknown; character?: unknown } | undefined;
  if (typeof uri !== 'string' || typeof p?.line !== 'number' || typeof p.character !== 'number') return undefined;
  return { uri, position: { line: p.line, character: p.character } };
}
