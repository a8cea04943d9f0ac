/**
 * Parses each open document once per version. Every handler asks this cache, so a
 * hover right after a keystroke reuses the parse the diagnostics already paid for.
 * A document opened with the text the workspace index already analysed starts from
 * that analysis instead of a second copy of it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type FileAnalysis } from '../analysis/analyze-file';
import { DEFAULT_PROFILE, type ClusterProfile } from '../analysis/profile/cluster-profile';

interface Entry {
  readonly version: number;
  readonly analysis: FileAnalysis;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  /**
   * Analyses taken from `known`. The next version of a document is analysed from its
   * previous analysis, which moves that analysis's documents, so one analysis may
   * start only one document (the same file open under two spellings of its uri).
   */
  private readonly taken = new WeakSet<FileAnalysis>();

  private profile: ClusterProfile = DEFAULT_PROFILE;

  /** `known` finds an existing analysis of exactly this text (the workspace's, for a file it indexed). */
  constructor(private readonly known: (uri: string, text: string) => FileAnalysis | undefined = () => undefined) {}

  /** Judges documents for another cluster from now on; every cached analysis is dropped. */
  setProfile(profile: ClusterProfile): void {
    this.profile = profile;
    this.entries.clear();
  }

  get(document: TextDocument): FileAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const text = document.getText();
    const analysis = (!cached && this.take(document.uri, text)) || analyzeText(text, cached?.analysis, this.profile);
    this.entries.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  private take(uri: string, text: string): FileAnalysis | undefined {
    const analysis = this.known(uri, text);
    if (!analysis || this.taken.has(analysis) || analysis.profile !== this.profile) return undefined;
    this.taken.add(analysis);
    return analysis;
  }
}
