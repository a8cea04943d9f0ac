/**
 * Parses each open document once per version. Every handler asks this cache, so a
 * hover right after a keystroke reuses the parse the diagnostics already paid for.
 * A document opened with the text the workspace index already analysed starts from
 * that analysis instead of a second copy of it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type FileAnalysis } from '../analysis/analyze-file';

interface Entry {
  readonly version: number;
  readonly analysis: FileAnalysis;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  /** `known` finds an existing analysis of exactly this text (the workspace's, for a file it indexed). */
  constructor(private readonly known: (uri: string, text: string) => FileAnalysis | undefined = () => undefined) {}

  get(document: TextDocument): FileAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const text = document.getText();
    const analysis = (!cached && this.known(document.uri, text)) || analyzeText(text, cached?.analysis);
    this.entries.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
