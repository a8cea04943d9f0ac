/**
 * A tiny host page that plays the extension's side for the webview bundle: it
 * serves dist/webview/ and the panel's real HTML (same CSP, same nonce scheme)
 * from a local HTTP server, provides acquireVsCodeApi, records what the webview
 * posts and posts what the host would. Waiting is event-driven with deadlines.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { makeNonce, panelHtml } from '../../../client/src/panel/panel-html';
import { isWebviewMessage, type HostMessage, type PanelState, type WebviewMessage } from '../../../client/src/webview-protocol';
import { DIST, PROJECT_ROOT } from '../../support/paths';
import { THEMES, type ThemeName } from './themes';
import { installCanvasRecorder } from './painted-cells';

export const ARTIFACTS = path.join(PROJECT_ROOT, 'test-results', 'webview');
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json' };

/** Serves the panel page and dist/webview/ on 127.0.0.1; one per test file. */
export class PanelServer {
  private constructor(
    private readonly server: http.Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<PanelServer> {
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname === '/panel.html') {
        const origin = `http://${req.headers.host}`;
        const asset = (file: string): string => `${origin}/dist/webview/${file}`;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(panelHtml({ cspSource: origin, nonce: makeNonce(), scriptUri: asset('panel.js'), styleUri: asset('panel.css'), codiconUri: asset('codicon.css') }));
        return;
      }
      // Chromium asks every page for a favicon; a webview has none.
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      const file = path.join(DIST, 'webview', path.basename(url.pathname));
      if (!url.pathname.startsWith('/dist/webview/') || !fs.existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new PanelServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface OpenOptions {
  readonly state?: PanelState;
  readonly theme?: ThemeName;
  readonly width?: number;
  readonly height?: number;
  /** Record the texts the page paints on canvases (painted-cells.ts); off for benchmarks, whose canvas calls it would slow. */
  readonly recordCanvas?: boolean;
  /** Answers the webview's messages the way the extension host would. */
  readonly onMessage?: (message: WebviewMessage, panel: PanelPage) => void | Promise<void>;
}

type Waiter = { readonly check: () => boolean };

/**
 * A host message as JSON text, as VS Code serialises a webview message, except that a
 * typed array (which VS Code carries as binary) travels as `{ "$uint32": base64 }` and
 * the page makes it a typed array again.
 */
export function wireText(message: HostMessage): string {
  return JSON.stringify(message, (_key, value: unknown) => (value instanceof Uint32Array ? { $uint32: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') } : value));
}

export class PanelPage {
  readonly posted: WebviewMessage[] = [];
  /** Page errors, console errors and CSP violations: a test ends by asserting there are none. */
  readonly problems: string[] = [];
  private readonly waiters = new Set<Waiter>();

  private constructor(readonly page: Page) {}

  static async open(browser: Browser, server: PanelServer, options: OpenOptions = {}): Promise<PanelPage> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 760 } });
    const page = await context.newPage();
    const panel = new PanelPage(page);
    page.on('pageerror', (error) => panel.problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) panel.problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      panel.problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    if (options.recordCanvas) await page.addInitScript(installCanvasRecorder);
    await page.exposeFunction('__hostReceive', (message: unknown) => panel.receive(message, options.onMessage));
    await page.addInitScript((state) => {
      const w = window as unknown as { __state: unknown; __csp: string[]; __hostReceive(m: unknown): void; __hostMessage(text: string): unknown; acquireVsCodeApi(): unknown };
      w.__state = state;
      // A host message as text (see wireText): typed arrays come back as typed arrays.
      w.__hostMessage = (text) =>
        JSON.parse(text, (_key, value: unknown) => {
          const encoded = (value as { $uint32?: unknown } | null)?.$uint32;
          if (typeof encoded !== 'string') return value;
          const binary = atob(encoded);
          const bytes = new Uint8Array(binary.length);
          for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
          return new Uint32Array(bytes.buffer);
        });
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      let acquired = false;
      w.acquireVsCodeApi = () => {
        if (acquired) throw new Error('acquireVsCodeApi called twice');
        acquired = true;
        return {
          // VS Code serializes webview messages; so does this stand-in.
          postMessage: (m: unknown) => w.__hostReceive(JSON.parse(JSON.stringify(m))),
          getState: () => w.__state,
          setState: (s: unknown) => {
            w.__state = s;
          },
        };
      };
    }, options.state ?? null);
    await page.goto(`${server.origin}/panel.html`);
    await panel.setTheme(options.theme ?? 'dark');
    return panel;
  }

  private receive(message: unknown, onMessage: OpenOptions['onMessage']): void {
    if (!isWebviewMessage(message)) {
      this.problems.push(`the webview posted a message of unexpected shape: ${JSON.stringify(message).slice(0, 200)}`);
      return;
    }
    this.posted.push(message);
    this.notify();
    void Promise.resolve(onMessage?.(message, this)).catch((error: unknown) => this.problems.push(`host: ${String(error)}`));
  }

  /** Posts as the host does: the message crosses to the page as text, far faster than as a large object (see wireText). */
  send(message: HostMessage): Promise<void> {
    return this.page.evaluate((text) => window.postMessage((window as unknown as { __hostMessage(text: string): unknown }).__hostMessage(text), '*'), wireText(message));
  }

  async setTheme(theme: ThemeName): Promise<void> {
    const { bodyClass, vars } = THEMES[theme];
    await this.page.evaluate(
      ({ bodyClass, vars }) => {
        document.body.classList.remove('vscode-dark', 'vscode-light', 'vscode-high-contrast');
        document.body.classList.add(bodyClass);
        const root = document.documentElement.style;
        for (const [name, value] of Object.entries(vars)) root.setProperty(`--vscode-${name}`, value);
      },
      { bodyClass, vars },
    );
  }

  /** The first posted message of `type` (after `from`) that satisfies `predicate`. */
  waitForPosted<T extends WebviewMessage['type']>(type: T, predicate: (m: Extract<WebviewMessage, { type: T }>) => boolean = () => true, options: { from?: number; timeoutMs?: number } = {}): Promise<Extract<WebviewMessage, { type: T }>> {
    const find = (): Extract<WebviewMessage, { type: T }> | undefined =>
      this.posted.slice(options.from ?? 0).find((m): m is Extract<WebviewMessage, { type: T }> => m.type === type && predicate(m as Extract<WebviewMessage, { type: T }>));
    return this.waitFor(`a "${type}" message`, find, options.timeoutMs);
  }

  /** Waits for a rendered report (posted after each redraw) that satisfies `predicate`. */
  async waitForRender(predicate: (report: Extract<WebviewMessage, { type: 'rendered' }>['report']) => boolean, timeoutMs?: number): Promise<Extract<WebviewMessage, { type: 'rendered' }>['report']> {
    const last = (): Extract<WebviewMessage, { type: 'rendered' }>['report'] | undefined => {
      const reports = this.posted.filter((m): m is Extract<WebviewMessage, { type: 'rendered' }> => m.type === 'rendered');
      const report = reports[reports.length - 1]?.report;
      return report && predicate(report) ? report : undefined;
    };
    return this.waitFor('a matching render', last, timeoutMs);
  }

  private waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          const found = find();
          if (found === undefined) return false;
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(found);
          return true;
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; posted: ${this.posted.map((m) => m.type).join(', ')}; problems: ${this.problems.join(' | ')}`));
      }, timeoutMs);
      if (!waiter.check()) this.waiters.add(waiter);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  close(): Promise<void> {
    return this.page.context().close();
  }
}
