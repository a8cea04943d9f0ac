/**
 * Publishes diagnostics for changed documents. Changes are coalesced per
 * macrotask (no fixed debounce), so a burst of keystrokes costs one analysis and
 * the user still sees results as soon as typing pauses for a tick.
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../analysis/file-analysis';
import type { Finding } from '../core/finding';
import { DiagnosticsConverter } from '../services/diagnostics';
import type { AnalysisCache } from './analysis-cache';
import { runInBackground, runSafeSync, type Logger } from './run-safe';

export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private scheduled = false;
  private readonly converter = new DiagnosticsConverter();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: AnalysisCache,
    private readonly log: Logger,
    /** Findings that need more than the file itself (the workspace index). */
    private readonly extraFindings: (analysis: FileAnalysis, uri: string) => readonly Finding[] = () => [],
    /** Bumped on every workspace change; what the extra findings were computed against. */
    private readonly workspaceVersion: () => number = () => 0,
  ) {}

  /** What was last sent per document, so an unchanged set is not computed or sent again. */
  private readonly lastSent = new Map<string, { readonly version: number; readonly workspace: number; readonly diagnostics: readonly Diagnostic[] }>();

  private firstFlushed = false;
  private onFirstFlush: (() => void) | undefined;

  /**
   * Resolves once the documents opened so far have had their diagnostics published,
   * or after `graceMs` when none is opened by then. The client sends `didOpen` for its
   * open editors just after `initialized`, so the wait is short when there is one.
   */
  firstPublished(graceMs: number): Promise<void> {
    if (this.firstFlushed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, graceMs);
      this.onFirstFlush = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** The workspace changed: findings that depend on it may change in every open document. */
  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri);
  }

  schedule(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  clear(uri: string): void {
    this.pending.delete(uri);
    this.lastSent.delete(uri);
    runInBackground(this.log, `clearing diagnostics of ${uri}`, this.connection.sendDiagnostics({ uri, diagnostics: [] }));
  }

  private flush(): void {
    this.scheduled = false;
    const uris = [...this.pending];
    this.pending.clear();
    for (const uri of uris) {
      const document = this.documents.get(uri);
      if (!document) continue;
      runSafeSync(this.log, `diagnostics ${uri}`, () => {
        const workspace = this.workspaceVersion();
        const last = this.lastSent.get(uri);
        // The edit that scheduled this document also changed the workspace, and the refresh that
        // follows would compute the same again: nothing changed since the last publish, so skip it.
        if (last?.version === document.version && last.workspace === workspace) return;
        const analysis = this.cache.get(document);
        const diagnostics = this.converter.convert(document, analysis, analysis.relevant ? this.extraFindings(analysis, uri) : []);
        // A new version is always sent; a refresh of the same version only when something changed.
        const unchanged = last?.version === document.version && JSON.stringify(last.diagnostics) === JSON.stringify(diagnostics);
        this.lastSent.set(uri, { version: document.version, workspace, diagnostics });
        if (!unchanged) runInBackground(this.log, `publishing diagnostics of ${uri}`, this.connection.sendDiagnostics({ uri, version: document.version, diagnostics }));
      });
    }
    if (!this.firstFlushed && uris.length > 0) {
      this.firstFlushed = true;
      this.onFirstFlush?.();
    }
  }
}
