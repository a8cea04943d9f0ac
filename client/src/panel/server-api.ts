/**
 * The panel's calls to the language server, typed by the declarations in
 * server/src/protocol.ts, and one listener for netpolLens/indexStatus that any
 * number of subscribers share (a language client keeps one handler per method).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { IndexStatusNotification, type IndexStatusParams, type RequestSpec } from '../../../server/src/protocol';

export function request<P, R>(client: LanguageClient, spec: RequestSpec<P, R>, params: P, token?: vscode.CancellationToken): Promise<R> {
  return client.sendRequest<R>(spec.method, params, token);
}

function isIndexStatus(value: unknown): value is IndexStatusParams {
  const v = value as Partial<IndexStatusParams> | null;
  return typeof v === 'object' && v !== null && (v.state === 'indexing' || v.state === 'ready') && typeof v.files === 'number' && typeof v.version === 'number';
}

/** Attach it to each new client (start and restart); subscribers keep their subscription across restarts. */
export class IndexStatusHub implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<IndexStatusParams>();
  readonly onStatus = this.emitter.event;
  private client: LanguageClient | undefined;
  private registration: vscode.Disposable | undefined;
  private last: IndexStatusParams | undefined;

  get latest(): IndexStatusParams | undefined {
    return this.last;
  }

  attach(client: LanguageClient | undefined): void {
    if (client === this.client) return;
    this.registration?.dispose();
    this.client = client;
    this.registration = client?.onNotification(IndexStatusNotification.method, (params: unknown) => {
      if (!isIndexStatus(params)) return;
      this.last = params;
      this.emitter.fire(params);
    });
  }

  dispose(): void {
    this.registration?.dispose();
    this.emitter.dispose();
  }
}
