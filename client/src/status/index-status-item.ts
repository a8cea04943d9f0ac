/**
 * The status bar item: whether the workspace index is being read, and how many
 * policies it holds once read; a click opens the reachability panel. It follows
 * netpolLens/indexStatus through the shared hub (a language client keeps one
 * handler per notification), so it survives a server restart.
 */
import * as vscode from 'vscode';
import { SHOW_REACHABILITY_COMMAND, type IndexStatusParams } from '../../../server/src/protocol';
import type { IndexStatusHub } from '../panel/server-api';

/** What the item shows, for the real-VS-Code tests (the extension host cannot read the status bar). */
export interface StatusItemState {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  readonly command: string | undefined;
}

export class IndexStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('netpolLens.indexStatus', vscode.StatusBarAlignment.Right, 100);
  private readonly subscription: vscode.Disposable;
  private visible = false;

  constructor(hub: IndexStatusHub) {
    this.item.name = 'NetworkPolicy Lens';
    this.item.command = { command: SHOW_REACHABILITY_COMMAND, title: 'Show Reachability' };
    this.subscription = hub.onStatus((status) => this.show(status));
    if (hub.latest) this.show(hub.latest);
  }

  get state(): StatusItemState {
    const tooltip = typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
    return { visible: this.visible, text: this.item.text, tooltip, command: this.item.command && typeof this.item.command === 'object' ? this.item.command.command : this.item.command };
  }

  private show(status: IndexStatusParams): void {
    const words = statusWords(status);
    // A workspace of YAML without a single policy is none of our business once it is read.
    if (!words) {
      this.item.hide();
      this.visible = false;
      return;
    }
    this.item.text = words.text;
    this.item.tooltip = words.tooltip;
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

/** The item's text and tooltip for a status; undefined when there is nothing to show. */
export function statusWords(status: IndexStatusParams): { text: string; tooltip: string } | undefined {
  const policies = typeof status.policies === 'number' ? status.policies : 0;
  const counted = `${policies} ${policies === 1 ? 'policy' : 'policies'} in ${status.files} ${status.files === 1 ? 'file' : 'files'}`;
  if (status.state === 'indexing') {
    return { text: '$(sync~spin) NetworkPolicy: indexing…', tooltip: `NetworkPolicy Lens is reading the workspace (${counted} so far). Click to show reachability.` };
  }
  if (policies === 0) return undefined;
  return { text: `$(type-hierarchy) ${policies} ${policies === 1 ? 'policy' : 'policies'}`, tooltip: `NetworkPolicy Lens: ${counted}. Click to show reachability.` };
}
