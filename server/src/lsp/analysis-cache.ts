/**
 * Parses each open document once per version. Every handler asks this cache, so a
 * hover right after a keystroke reuses the parse the diagnostics already paid for.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type FileAnalysis } from '../analysis/analyze-file';

interface Entry {
  readonly version: number;
  readonly analysis: FileAnalysis;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  get(document: TextDocument): FileAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = analyzeText(document.getText(), cached?.analysis);
    this.entries.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
