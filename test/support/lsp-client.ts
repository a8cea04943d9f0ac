/**
 * A small but real LSP client for protocol tests. It spawns the BUILT server
 * (`dist/server/server.js`, made by `node esbuild.mjs`) as a child process, talks
 * JSON-RPC to it over stdio (or node IPC), and records everything the server says,
 * so a failing test can print the server's stderr and log messages. It uses the
 * plain message connection (not createProtocolConnection) because only that one
 * takes catch-all handlers, which is how it records every notification and request.
 *
 * Waiting is always event-driven with a deadline; nothing here sleeps for a fixed time.
 *
 *   const client = await LspClient.start();
 *   client.open(uri, text);
 *   const published = await client.waitForDiagnostics(uri);
 *   await client.shutdown();
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
  type ClientCapabilities,
  type InitializeResult,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIST, PROJECT_ROOT } from './paths';
import { Waiters } from './waiters';

export const SERVER_MAIN = path.join(DIST, 'server', 'server.js');
const DEFAULT_DEADLINE_MS = 10_000;

export interface LspClientOptions {
  /** `stdio` (default) spawns `node server.js --stdio`; `ipc` forks it with `--node-ipc`. */
  readonly transport?: 'stdio' | 'ipc';
  readonly serverMain?: string;
  /** Replaces the default client capabilities (spread DEFAULT_CAPABILITIES to extend them). */
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /**
   * Folders (paths) announced as workspace folders. None by default, so the server
   * indexes nothing; tests of workspace features pass e.g. `examples/tutorial`.
   */
  readonly workspaceFolders?: readonly string[];
  /** What `workspace/configuration` answers, by section (`netpolLens`, `files`); null for the rest. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** The capabilities a typical editor announces for the features this server offers. */
export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.rewrite', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
  },
  workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
  window: { workDoneProgress: true },
};

/** A file URI for a path (absolute, or relative to the project root). */
export function fileUri(file: string): string {
  return pathToFileURL(path.resolve(PROJECT_ROOT, file)).toString();
}

interface Published {
  /** Order of arrival among all notifications, so waits can ignore what came before an edit. */
  readonly seq: number;
  readonly params: PublishDiagnosticsParams;
}

export class LspClient {
  /** Everything the server wrote to stderr, plus its window/logMessage and showMessage text. */
  readonly log: string[] = [];
  /** Every notification from the server, in order, for tests of custom notifications. */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Requests the server sent to the client (configuration, registerCapability, ...). */
  readonly serverRequests: { method: string; params: unknown }[] = [];
  initializeResult: InitializeResult | undefined;
  exitCode: number | null | undefined = undefined;

  private readonly published = new Map<string, Published[]>();
  private readonly documents = new Map<string, TextDocument>();
  private readonly lastSync = new Map<string, number>();
  private readonly waiters = new Waiters(
    (message) => this.failure(message),
    () => (this.exitCode === undefined ? undefined : `The server exited (code ${this.exitCode})`),
  );
  private readonly exited: Promise<number | null>;
  private seq = 0;
  private settings: Readonly<Record<string, unknown>> = {};

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
        this.waiters.notify();
      }),
    );
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => this.log.push(`[stderr] ${chunk.trimEnd()}`));
    connection.onNotification((method: string, params: unknown) => this.onServerNotification(method, params));
    connection.onRequest((method: string, params: unknown) => this.onServerRequest(method, params));
    connection.onClose(() => this.waiters.notify());
    connection.listen();
  }

  /** Spawns the server and completes `initialize` + `initialized`. Kills the server if that fails. */
  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    const main = options.serverMain ?? SERVER_MAIN;
    if (!fs.existsSync(main)) throw new Error(`${main} is missing: build the server first with \`node esbuild.mjs\`.`);
    const client = options.transport === 'ipc' ? LspClient.forkIpc(main) : LspClient.spawnStdio(main);
    client.settings = options.settings ?? {};
    const folders = (options.workspaceFolders ?? []).map((folder) => ({ uri: fileUri(folder), name: path.basename(folder) }));
    try {
      client.initializeResult = await client.request<InitializeResult>('initialize', {
        processId: process.pid,
        clientInfo: { name: 'netpol-lens-tests', version: '0' },
        rootUri: folders[0]?.uri ?? null,
        workspaceFolders: folders.length > 0 ? folders : null,
        capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
        initializationOptions: options.initializationOptions,
      });
      await client.connection.sendNotification('initialized', {});
      return client;
    } catch (error) {
      client.kill();
      throw client.failure(`Starting the server failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private static spawnStdio(main: string): LspClient {
    const child = spawn(process.execPath, [...serverNodeFlags(main), main, '--stdio'], { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    return new LspClient(child, connection);
  }

  private static forkIpc(main: string): LspClient {
    const child = fork(main, ['--node-ipc'], { cwd: PROJECT_ROOT, silent: true, execArgv: serverNodeFlags(main) });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const client = new LspClient(child, connection);
    // Over IPC, stdout is free text; read it so a chatty server never blocks on a full pipe.
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => client.log.push(`[stdout] ${chunk.trimEnd()}`));
    return client;
  }

  // ---- documents -------------------------------------------------------------

  open(uri: string, text: string, languageId = 'yaml', version = 1): void {
    this.documents.set(uri, TextDocument.create(uri, languageId, version, text));
    this.sync(uri, 'textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a full-sync change). Returns the new version. */
  changeFull(uri: string, text: string): number {
    return this.change(uri, [{ text }]);
  }

  /** Sends incremental changes, applied in order as LSP specifies. Returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const current = this.document(uri);
    const version = current.version + 1;
    this.documents.set(uri, TextDocument.update(current, changes, version));
    this.sync(uri, 'textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Replaces the first occurrence of `search` (after `from`) with `replacement`, incrementally. */
  replace(uri: string, search: string, replacement: string, from = 0): number {
    const text = this.document(uri).getText();
    const at = text.indexOf(search, from);
    if (at < 0) throw new Error(`${JSON.stringify(search)} not found in ${uri}`);
    return this.change(uri, [{ range: this.range(uri, at, at + search.length), text: replacement }]);
  }

  close(uri: string): void {
    this.document(uri);
    this.documents.delete(uri);
    this.sync(uri, 'textDocument/didClose', { textDocument: { uri } });
  }

  /** The client's copy of an open document, after every change it sent. */
  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open in the test client`);
    return document;
  }

  range(uri: string, start: number, end: number): Range {
    const document = this.document(uri);
    return { start: document.positionAt(start), end: document.positionAt(end) };
  }

  private sync(uri: string, method: string, params: object): void {
    this.lastSync.set(uri, this.seq);
    void this.connection.sendNotification(method, params);
  }

  // ---- requests and waiting ----------------------------------------------------

  /** Sends a request; a ResponseError from the server rejects as is (tests may check its code). */
  request<R>(method: string, params: unknown, deadlineMs = DEFAULT_DEADLINE_MS, token?: CancellationToken): Promise<R> {
    const sent = token ? this.connection.sendRequest<R>(method, params, token) : this.connection.sendRequest<R>(method, params);
    return this.waiters.withDeadline(`the answer to ${method}`, sent, deadlineMs);
  }

  notify(method: string, params: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  /**
   * Resolves with the first diagnostics published for `uri` after the last
   * open/change/close the client sent for it, for the client's current version
   * (when the server says which version), that also satisfies `predicate`.
   */
  waitForDiagnostics(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean = () => true, deadlineMs = DEFAULT_DEADLINE_MS): Promise<PublishDiagnosticsParams> {
    const since = this.lastSync.get(uri) ?? -1;
    const version = this.documents.get(uri)?.version;
    const find = (): PublishDiagnosticsParams | undefined =>
      (this.published.get(uri) ?? []).find((p) => p.seq >= since && (p.params.version === undefined || p.params.version === version) && predicate(p.params))?.params;
    return this.waiters.waitFor(`diagnostics for ${uri}`, find, deadlineMs);
  }

  /** Resolves with the params of the first notification of `method` (ever received) matching `predicate`. */
  waitForNotification<P>(method: string, predicate: (params: P) => boolean = () => true, deadlineMs = DEFAULT_DEADLINE_MS): Promise<P> {
    const find = (): P | undefined => this.notifications.find((n) => n.method === method && predicate(n.params as P))?.params as P | undefined;
    return this.waiters.waitFor(`notification ${method}`, find, deadlineMs);
  }

  /** All diagnostics publications received for a URI, oldest first. */
  diagnosticsHistory(uri: string): PublishDiagnosticsParams[] {
    return (this.published.get(uri) ?? []).map((p) => p.params);
  }

  /** An Error that carries the server's own words, so a red test explains itself. */
  failure(message: string): Error {
    const tail = this.log.slice(-40).join('\n') || '(the server logged nothing)';
    return new Error(`${message}\n--- server log ---\n${tail}`);
  }

  private onServerNotification(method: string, params: unknown): void {
    this.notifications.push({ method, params });
    if (method === 'textDocument/publishDiagnostics') {
      const p = params as PublishDiagnosticsParams;
      const list = this.published.get(p.uri) ?? [];
      list.push({ seq: this.seq, params: p });
      this.published.set(p.uri, list);
    } else if (method === 'window/logMessage' || method === 'window/showMessage') {
      this.log.push(`[${method}] ${(params as { message?: string }).message ?? ''}`);
    }
    this.seq++;
    this.waiters.notify();
  }

  /** Answers what a plain editor would: no settings, and yes to registrations and progress. */
  private onServerRequest(method: string, params: unknown): unknown {
    this.serverRequests.push({ method, params });
    if (method === 'workspace/configuration') return ((params as { items?: { section?: string }[] }).items ?? []).map((item) => this.settings[item?.section ?? ''] ?? null);
    return null;
  }

  // ---- ending ----------------------------------------------------------------

  /** `shutdown` then `exit`, as an editor does; resolves with the server's exit code. */
  async shutdown(deadlineMs = DEFAULT_DEADLINE_MS): Promise<number | null> {
    try {
      await this.request('shutdown', undefined, deadlineMs);
      await this.connection.sendNotification('exit');
      return await this.waiters.withDeadline('process exit', this.exited, deadlineMs);
    } finally {
      this.kill();
    }
  }

  /** Resolves with the exit code once the process has ended (for tests that end it otherwise). */
  waitForExit(deadlineMs = DEFAULT_DEADLINE_MS): Promise<number | null> {
    return this.waiters.withDeadline('process exit', this.exited, deadlineMs);
  }

  /** Ends the connection and the process, whatever state they are in. Safe to call twice. */
  kill(): void {
    this.connection.dispose();
    if (this.exitCode === undefined && this.child.exitCode === null && !this.child.killed) this.child.kill();
  }
}

/** The Node flags the extension starts the server with (dist/server/node-flags.json, beside the server). */
function serverNodeFlags(main: string): string[] {
  const file = path.join(path.dirname(main), 'node-flags.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as string[]) : [];
}
