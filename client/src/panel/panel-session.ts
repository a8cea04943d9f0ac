/**
 * What the panel shows, fetched from the language server: the matrix (through
 * the port filter, if any), the what-if comparison and the focused policy.
 * Refreshes are coalesced (one request set in flight, at most one queued) and
 * each part is re-sent only when its workspace version or settings changed, so
 * a burst of keystrokes costs one round of requests and one redraw.
 */
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExplainConnectionRequest, ExportReachRequest, PolicyFocusRequest, PortMatrixRequest, ReachabilityMatrixRequest, WhatIfRequest, type ExportReachResult, type PortFilterDto, type TextPosition } from '../../../server/src/protocol';
import type { FocusMode, HostMessage } from '../webview-protocol';
import { compactMatrix } from './compact-matrix';
import { request } from './server-api';

export interface CursorTarget {
  readonly uri: string;
  readonly position: TextPosition;
}

export interface SessionSettings {
  readonly ports: PortFilterDto | null;
  readonly whatIf: boolean;
  readonly focus: FocusMode;
}

const NOT_RUNNING = 'The NetworkPolicy Lens language server is not running. Run "NetworkPolicy: Restart Server".';

export class PanelSession {
  private settings: SessionSettings = { ports: null, whatIf: false, focus: 'off' };
  private cursor: CursorTarget | undefined;
  private posted = { matrix: '', whatIf: '', focus: '' };
  private running: Promise<void> | undefined;
  private queued = false;
  /** Files the panel was told about: the only ones a `reveal` message may open. */
  readonly knownUris = new Set<string>();

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly post: (message: HostMessage) => void,
    private readonly latestVersion: () => number | undefined,
  ) {}

  get current(): SessionSettings {
    return this.settings;
  }

  /** The page (re)loaded and has nothing: send every part again. */
  restart(settings: SessionSettings): Promise<void> {
    this.settings = settings;
    this.posted = { matrix: '', whatIf: '', focus: '' };
    this.post({ type: 'status', state: 'loading', message: 'Computing reachability…' });
    return this.refresh();
  }

  configure(settings: Partial<SessionSettings>): Promise<void> {
    this.settings = { ...this.settings, ...settings };
    return this.refresh();
  }

  setCursor(target: CursorTarget | undefined): void {
    this.cursor = target;
    if (this.settings.focus === 'cursor') void this.refresh();
  }

  /** A file was saved: the buffers and the disk may agree now, whatever the workspace version says. */
  fileSaved(): void {
    this.posted.whatIf = '';
    if (this.settings.whatIf) void this.refresh();
  }

  refresh(): Promise<void> {
    if (this.running) {
      this.queued = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.queued) {
        this.queued = false;
        void this.refresh();
      }
    });
    return this.running;
  }

  async explain(src: string, dst: string): Promise<void> {
    const client = this.client();
    if (!client) return this.post({ type: 'status', state: 'error', message: NOT_RUNNING });
    const result = await request(client, ExplainConnectionRequest, { src, dst });
    this.remember(result);
    this.post({ type: 'trace', src, dst, result });
  }

  /** A piece of an export (panel-export.ts asks for the next with its cursor). */
  async exportPiece(format: 'connlist' | 'json', cursor: string | undefined): Promise<ExportReachResult> {
    const client = this.client();
    if (!client) return { text: '', error: NOT_RUNNING };
    return request(client, ExportReachRequest, { format, ...(cursor !== undefined && { cursor }) });
  }

  private async run(): Promise<void> {
    const client = this.client();
    if (!client) return this.post({ type: 'status', state: 'error', message: NOT_RUNNING });
    try {
      await Promise.all([this.sendMatrix(client), this.sendWhatIf(client), this.sendFocus(client)]);
      this.post({ type: 'status', state: 'ready', message: '' });
    } catch (error) {
      this.post({ type: 'status', state: 'error', message: `Reachability could not be computed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  private key(...parts: unknown[]): string {
    return JSON.stringify([this.latestVersion() ?? -1, ...parts]);
  }

  private async sendMatrix(client: LanguageClient): Promise<void> {
    const ports = this.settings.ports ?? undefined;
    if (this.latestVersion() !== undefined && this.posted.matrix === this.key(ports)) return;
    const result = ports ? await request(client, PortMatrixRequest, { ports }) : await request(client, ReachabilityMatrixRequest, {});
    this.remember(result.skippedPolicies);
    // The node table names each workload's file once, in `files` rather than as a `uri`.
    for (const uri of result.nodes.files) this.knownUris.add(uri);
    this.posted.matrix = JSON.stringify([result.version, ports]);
    this.post({ type: 'matrix', matrix: compactMatrix(result, ports) });
  }

  private async sendWhatIf(client: LanguageClient): Promise<void> {
    if (!this.settings.whatIf) {
      if (this.posted.whatIf !== 'off') this.post({ type: 'whatIf', result: null });
      this.posted.whatIf = 'off';
      return;
    }
    const ports = this.settings.ports ?? undefined;
    if (this.latestVersion() !== undefined && this.posted.whatIf === this.key(ports)) return;
    const result = await request(client, WhatIfRequest, ports ? { ports } : {});
    this.posted.whatIf = JSON.stringify([result.version, ports]);
    this.post({ type: 'whatIf', result });
  }

  private async sendFocus(client: LanguageClient): Promise<void> {
    const mode = this.settings.focus;
    const cursor = this.cursor;
    if (mode === 'off' || !cursor) {
      const key = `${mode}:none`;
      if (this.posted.focus !== key) this.post({ type: 'focus', mode, result: null });
      this.posted.focus = key;
      return;
    }
    const result = await request(client, PolicyFocusRequest, cursor);
    // Moving the cursor inside one policy changes nothing: send only a different answer.
    const key = JSON.stringify(result);
    if (key === this.posted.focus) return;
    this.remember(result);
    this.posted.focus = key;
    this.post({ type: 'focus', mode, result });
  }

  private remember(...values: unknown[]): void {
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (key === 'uri' && typeof child === 'string') this.knownUris.add(child);
          else walk(child);
        }
      }
    };
    values.forEach(walk);
  }
}
