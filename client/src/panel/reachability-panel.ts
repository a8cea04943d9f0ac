/**
 * The reachability panel's host: one webview panel beside the editor, created or
 * revealed by the command, revived by the serializer after a window reload. It
 * relays typed, checked messages between the webview and PanelSession (which
 * talks to the server), opens YAML ranges the webview links to, and saves exports.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isWebviewMessage, PANEL_VIEW_TYPE, type HostMessage, type SimulatedAction, type WebviewMessage } from '../webview-protocol';
import { revealLocation, type CursorTracker } from './editor-links';
import { safeFileName, saveExport, saveExportPieces } from './panel-export';
import { makeNonce, panelHtml } from './panel-html';
import { PanelSession, type CursorTarget } from './panel-session';
import type { IndexStatusHub } from './server-api';
import type { PanelTestHooks } from './test-hooks';

export interface PanelDependencies {
  readonly extensionUri: vscode.Uri;
  readonly client: () => LanguageClient | undefined;
  readonly hub: IndexStatusHub;
  readonly cursor: CursorTracker;
  readonly hooks: PanelTestHooks;
  readonly log: vscode.LogOutputChannel;
}

const TITLE = 'Reachability';

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  // Only dist/webview: the page can load its own script, styles and font, and nothing else.
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')], retainContextWhenHidden: false };
}

export class ReachabilityPanel implements vscode.Disposable {
  static current: ReachabilityPanel | undefined;
  private readonly session: PanelSession;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;

  /** `target`: a code lens named a policy, so the panel opens focused on it. */
  static createOrShow(deps: PanelDependencies, target?: CursorTarget): ReachabilityPanel {
    if (target) deps.cursor.set(target);
    const existing = ReachabilityPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, true);
      if (target) void existing.session.configure({ focus: 'cursor' });
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, TITLE, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(deps.extensionUri));
    return (ReachabilityPanel.current = new ReachabilityPanel(panel, deps, target !== undefined));
  }

  static revive(panel: vscode.WebviewPanel, deps: PanelDependencies): ReachabilityPanel {
    ReachabilityPanel.current?.dispose();
    panel.webview.options = webviewOptions(deps.extensionUri);
    return (ReachabilityPanel.current = new ReachabilityPanel(panel, deps, false));
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: PanelDependencies,
    private focusRequested: boolean,
  ) {
    this.session = new PanelSession(deps.client, (m) => this.post(m), () => deps.hub.latest?.version);
    this.session.setCursor(deps.cursor.target);
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      // A hidden panel's page is gone; it asks for everything again when shown.
      deps.hub.onStatus(() => this.panel.visible && void this.session.refresh()),
      deps.cursor.onDidMove((target) => this.session.setCursor(target)),
      vscode.workspace.onDidSaveTextDocument(() => this.session.fileSaved()),
    );
  }

  /** After the language server restarted: fetch everything from the new one. */
  reconnect(): void {
    void this.session.restart(this.session.current);
  }

  simulate(action: SimulatedAction): Thenable<boolean> {
    return this.panel.webview.postMessage({ type: 'test.simulate', action } satisfies HostMessage);
  }

  private html(): string {
    const asset = (file: string): string => this.panel.webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview', file)).toString();
    return panelHtml({ cspSource: this.panel.webview.cspSource, nonce: makeNonce(), scriptUri: asset('panel.js'), styleUri: asset('panel.css'), codiconUri: asset('codicon.css') });
  }

  private post(message: HostMessage): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private receive(message: unknown): void {
    if (!isWebviewMessage(message)) {
      this.deps.log.warn('Reachability panel: ignored a message of unexpected shape.');
      return;
    }
    this.handle(message).catch((error: unknown) => {
      this.deps.log.error(`Reachability panel: ${message.type} failed: ${error instanceof Error ? error.message : String(error)}`);
      this.post({ type: 'status', state: 'error', message: `${message.type} failed: ${error instanceof Error ? error.message : String(error)}` });
    });
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        const focus = this.focusRequested ? 'cursor' : message.state.focus;
        this.focusRequested = false;
        return this.session.restart({ ports: message.ports, whatIf: message.state.whatIf, focus });
      }
      case 'setPorts':
        return this.session.configure({ ports: message.ports });
      case 'setWhatIf':
        return this.session.configure({ whatIf: message.enabled });
      case 'setFocus':
        return this.session.configure({ focus: message.mode });
      case 'explain':
        return this.session.explain(message.src, message.dst);
      case 'reveal':
        // Only files the server named: a page cannot make the host open anything else.
        if (this.session.knownUris.has(message.location.uri)) await revealLocation(message.location, this.deps.cursor.viewColumn);
        return;
      case 'exportSvg':
        return void (await saveExport(safeFileName(message.name, 'reachability.svg').replace(/(\.svg)?$/, '.svg'), message.svg));
      case 'exportData': {
        const format = message.format;
        return void (await saveExportPieces(format === 'json' ? 'reachability.json' : 'reachability.connlist.txt', (cursor) => this.session.exportPiece(format, cursor)));
      }
      case 'rendered':
        return this.deps.hooks.record(message.report);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (ReachabilityPanel.current === this) ReachabilityPanel.current = undefined;
    this.panel.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
