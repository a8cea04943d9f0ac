// @ts-check
/**
 * One language server spawned over stdio and driven like an editor would drive it.
 *
 * The session answers the requests a server sends to its client (workspace/configuration,
 * client/registerCapability, progress creation) because a server left waiting for those
 * stalls: yaml-language-server, for one, asks for configuration before every validation.
 * It timestamps every publishDiagnostics on arrival, and every wait has a deadline and
 * fails with the server's name, what it waited for and the tail of its stderr.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { answerServerRequest, initializeParams } from './editor-client.mjs';

/**
 * @typedef {import('./servers.mjs').ServerSpec} ServerSpec
 * @typedef {import('./positions.mjs').Position} Position
 * @typedef {import('./positions.mjs').Range} Range
 *
 * @typedef {object} Published
 * @property {number} seq order of arrival among everything this session received
 * @property {number} at performance.now() on arrival
 * @property {number | undefined} version the document version, when the server sends one
 * @property {number} count how many diagnostics
 */

const STDERR_TAIL = 40;

/** Every live child, so that a crash of the benchmark itself still kills its servers. */
const live = new Set();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export class LspSession {
  /** Increments on every message from the server; a wait can ignore what came before a given point. */
  seq = 0;
  /** @type {string[]} */
  stderr = [];
  /** @type {Map<string, Published[]>} */
  published = new Map();
  /** @type {Set<string>} requests from the server this client had no specific answer for */
  unexpectedRequests = new Set();
  configurationPulls = 0;
  /** @type {Map<string, unknown>} the latest params of each notification method */
  lastNotification = new Map();
  /** @type {Record<string, unknown> | undefined} */
  capabilities;
  /** @type {Map<string, number>} */
  versions = new Map();
  /** @type {Set<() => void>} */
  waiters = new Set();
  /** @type {number | null | undefined} */
  exitCode = undefined;
  /** @type {string | undefined} */
  rootUri;

  /**
   * @param {ServerSpec} spec
   * @param {string[]} nodeArgs extra options for node itself, such as --cpu-prof
   */
  constructor(spec, nodeArgs = []) {
    this.spec = spec;
    this.child = spawn(process.execPath, [...nodeArgs, ...spec.args], { cwd: spec.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    live.add(this.child);
    this.child.once('exit', (code) => {
      live.delete(this.child);
      this.exitCode = code;
      this.wake();
    });
    // A server that cannot be started at all counts as one that exited at once.
    this.child.once('error', (error) => {
      live.delete(this.child);
      this.stderr.push(`could not start: ${error.message}`);
      this.exitCode ??= null;
      this.wake();
    });
    this.child.stderr.setEncoding('utf8').on('data', (/** @type {string} */ chunk) => {
      this.stderr.push(...chunk.trimEnd().split('\n'));
      this.stderr.splice(0, Math.max(0, this.stderr.length - STDERR_TAIL));
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification((method, params) => this.onNotification(method, params));
    this.connection.onRequest((method, params) => this.onRequest(method, params));
    this.connection.onClose(() => this.wake());
    // A server that dies makes writes fail; the waits report that with a clear message instead.
    this.connection.onError(() => this.wake());
    this.connection.listen();
  }

  /** The server's process id: the node process itself, since it is spawned without a shell. */
  get pid() {
    return this.child.pid ?? -1;
  }

  /**
   * Runs initialize + initialized with the capabilities a typical editor announces.
   * @param {string} rootUri
   * @param {number} deadlineMs
   */
  async initialize(rootUri, deadlineMs) {
    this.rootUri = rootUri;
    const result = await this.request('initialize', initializeParams(rootUri), 'the initialize response', deadlineMs);
    this.capabilities = /** @type {{ capabilities: Record<string, unknown> }} */ (result).capabilities;
    await this.connection.sendNotification('initialized', {});
  }

  /**
   * @param {string} method
   * @param {unknown} params
   */
  onNotification(method, params) {
    this.seq++;
    this.lastNotification.set(method, params);
    if (method === 'textDocument/publishDiagnostics') {
      const p = /** @type {{ uri: string, version?: number, diagnostics: unknown[] }} */ (params);
      const list = this.published.get(p.uri) ?? [];
      list.push({ seq: this.seq, at: performance.now(), version: p.version ?? undefined, count: p.diagnostics.length });
      this.published.set(p.uri, list);
    }
    this.wake();
  }

  /**
   * Answers the server's requests as VS Code would, so no server stalls waiting for us.
   * @param {string} method
   * @param {unknown} params
   */
  onRequest(method, params) {
    this.seq++;
    if (method === 'workspace/configuration') this.configurationPulls++;
    const { result, known } = answerServerRequest(method, params, this.spec.settings, this.rootUri ?? '');
    if (!known) this.unexpectedRequests.add(method);
    this.wake();
    return result;
  }

  wake() {
    for (const waiter of [...this.waiters]) waiter();
  }

  /**
   * Resolves with the first non-undefined value of `probe`, re-checked on every message
   * from the server; rejects at the deadline or when the server exits.
   * @template T
   * @param {() => T | undefined} probe
   * @param {string} what for the error message
   * @param {number} deadlineMs
   * @returns {Promise<T>}
   */
  waitFor(probe, what, deadlineMs) {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      const check = () => {
        const value = probe();
        if (value !== undefined) {
          done();
          resolve(value);
        } else if (this.exitCode !== undefined) {
          done();
          reject(this.failure(`exited (code ${this.exitCode}) while waiting for ${what}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(this.failure(`did not send ${what} within ${deadlineMs} ms (waited ${Math.round(performance.now() - started)} ms)`));
      }, deadlineMs);
      this.waiters.add(check);
      check();
    });
  }

  /**
   * Waits until no message at all has arrived for `quietMs`, to be sure nothing is still
   * pending (a debounced validation, a revalidation after configuration) before timing.
   * @param {number} quietMs
   * @param {number} deadlineMs
   */
  async settle(quietMs, deadlineMs) {
    const until = performance.now() + deadlineMs;
    for (;;) {
      const seq = this.seq;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (this.seq === seq) return;
      if (performance.now() > until) throw this.failure(`kept sending messages for ${deadlineMs} ms`);
    }
  }

  /**
   * Resolves with the publishDiagnostics that answers a change: the first one for `uri`
   * after message number `afterSeq` and, when the server says which version it checked,
   * for exactly `version`.
   * @param {string} uri
   * @param {number} afterSeq
   * @param {number} version
   * @param {number} deadlineMs
   * @returns {Promise<Published>}
   */
  nextDiagnostics(uri, afterSeq, version, deadlineMs) {
    const probe = () => (this.published.get(uri) ?? []).find((p) => p.seq > afterSeq && (p.version === undefined || p.version === version));
    return this.waitFor(probe, `publishDiagnostics for version ${version} of ${uri}`, deadlineMs);
  }

  /**
   * A request with a deadline; at the deadline the request is cancelled and the wait fails.
   * @param {string} method
   * @param {unknown} params
   * @param {string} what
   * @param {number} deadlineMs
   * @returns {Promise<unknown>}
   */
  async request(method, params, what, deadlineMs) {
    const source = new CancellationTokenSource();
    try {
      return await this.withDeadline(this.connection.sendRequest(method, params, source.token), what, deadlineMs);
    } catch (error) {
      source.cancel();
      throw error;
    } finally {
      source.dispose();
    }
  }

  /**
   * Settles like `promise`, or fails at the deadline or when the server exits first.
   * @template T
   * @param {Promise<T>} promise
   * @param {string} what
   * @param {number} deadlineMs
   * @returns {Promise<T>}
   */
  async withDeadline(promise, what, deadlineMs) {
    // The losing side of the race must not become an unhandled rejection later.
    promise.catch(() => undefined);
    /** @type {() => void} */
    let disarm = () => undefined;
    const guard = new Promise((_, reject) => {
      const onExit = () => reject(this.failure(`exited (code ${this.exitCode}) while waiting for ${what}`));
      if (this.exitCode !== undefined) return onExit();
      const timer = setTimeout(() => reject(this.failure(`did not send ${what} within ${deadlineMs} ms`)), deadlineMs);
      this.child.once('exit', onExit);
      disarm = () => {
        clearTimeout(timer);
        this.child.off('exit', onExit);
      };
    });
    try {
      return /** @type {T} */ (await Promise.race([promise, guard]));
    } finally {
      disarm();
    }
  }

  /**
   * @param {string} uri
   * @param {string} text
   */
  async open(uri, text) {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  /**
   * Sends one incremental change and returns the new version.
   * @param {string} uri
   * @param {Range} range
   * @param {string} text
   */
  async change(uri, range, text) {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** @param {string} uri */
  async close(uri) {
    this.versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * shutdown + exit, politely, then SIGKILL if the process is still there.
   * @param {number} deadlineMs for each of the two polite steps
   */
  async stop(deadlineMs = 5000) {
    if (this.exitCode === undefined) {
      try {
        await this.request('shutdown', undefined, 'the shutdown response', deadlineMs);
        await this.connection.sendNotification('exit');
        await this.waitFor(() => (this.exitCode !== undefined ? true : undefined), 'an exit after the exit notification', deadlineMs);
      } catch {
        // The kill below is the answer to a server that does not shut down.
      }
    }
    if (this.exitCode === undefined) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGKILL');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, deadlineMs))]);
    }
    this.connection.dispose();
  }

  /** @param {string} message */
  failure(message) {
    const tail = this.stderr.length > 0 ? `\n  last stderr lines:\n    ${this.stderr.slice(-10).join('\n    ')}` : '';
    return new Error(`${this.spec.label} (pid ${this.pid}) ${message}${tail}`);
  }
}
