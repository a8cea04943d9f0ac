/**
 * The small window the VS Code tests have into the panel (the extension returns
 * it from activate()). The extension host cannot see webview DOM, so the webview
 * reports what it drew after each render, and tests ask it for real DOM clicks.
 * Nothing here changes what users see.
 */
import * as vscode from 'vscode';
import type { RenderReport, SimulatedAction } from '../webview-protocol';

export interface PanelTestApi {
  /** Whether the reachability panel is open. */
  isOpen(): boolean;
  /** The webview's last report of what it drew; undefined before the first one. */
  lastRendered(): RenderReport | undefined;
  /** Asks the webview to click a cell, an arrow or a trace link (a real DOM click); false when no panel is open. */
  simulate(action: SimulatedAction): Promise<boolean>;
}

export class PanelTestHooks {
  private report: RenderReport | undefined;
  private readonly emitter = new vscode.EventEmitter<RenderReport>();
  readonly onRendered = this.emitter.event;

  record(report: RenderReport): void {
    this.report = report;
    this.emitter.fire(report);
  }

  api(panel: () => { simulate(action: SimulatedAction): Thenable<boolean> } | undefined): PanelTestApi {
    return {
      isOpen: () => panel() !== undefined,
      lastRendered: () => this.report,
      simulate: async (action) => (await panel()?.simulate(action)) ?? false,
    };
  }
}
