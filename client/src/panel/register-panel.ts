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
import { ReachabilityPanel, type PanelDependencies } from './reachability-panel';
import { IndexStatusHub } from './server-api';
import { PanelTestHooks, type PanelTestApi } from './test-hooks';

export interface PanelRegistration {
  /** Call with each new language client (start and restart). */
  attach(client: LanguageClient | undefined): void;
  readonly testApi: PanelTestApi;
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
    vscode.commands.registerCommand(SHOW_REACHABILITY_COMMAND, (...args: unknown[]) => void ReachabilityPanel.createOrShow(deps, lensTarget(args))),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => void ReachabilityPanel.revive(panel, deps),
    }),
    { dispose: () => ReachabilityPanel.current?.dispose() },
  );
  return {
    attach: (next) => {
      hub.attach(next);
      ReachabilityPanel.current?.reconnect();
    },
    testApi: hooks.api(() => ReachabilityPanel.current),
  };
}

/** The code lens passes the policy's uri and position; the palette and the title button pass none or a Uri. */
function lensTarget(args: readonly unknown[]): CursorTarget | undefined {
  const [uri, position] = args;
  const p = position as { line?: unknown; character?: unknown } | undefined;
  if (typeof uri !== 'string' || typeof p?.line !== 'number' || typeof p.character !== 'number') return undefined;
  return { uri, position: { line: p.line, character: p.character } };
}
