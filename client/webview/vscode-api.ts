/**
 * The webview's one link to the extension host: VS Code's acquireVsCodeApi()
 * (callable once per page), typed with the panel's message and state shapes.
 */
import type { PanelState, WebviewMessage } from '../src/webview-protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export class HostChannel {
  private readonly api: VsCodeApi = acquireVsCodeApi();

  post(message: WebviewMessage): void {
    this.api.postMessage(message);
  }

  /** What the last page of this panel saved, or undefined; the caller checks its shape. */
  savedState(): unknown {
    return this.api.getState();
  }

  saveState(state: PanelState): void {
    this.api.setState(state);
  }
}
