/**
 * Hover: explains the NetworkPolicy node under the cursor in plain English.
 * The explaining is pure (analysis/explain); this only converts the position to
 * an offset and the explained span back to a range.
 */
import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../analysis/file-analysis';
import { explainAt, type ExplainOptions } from '../analysis/explain/explain-at';
import { positionToOffset, spanToRange } from './positions';

export function hoverAt(document: TextDocument, analysis: FileAnalysis, position: Position, options: ExplainOptions = {}): Hover | null {
  // Files that hold no NetworkPolicy are not ours to speak about.
  if (!analysis.relevant) return null;
  const explanation = explainAt(analysis, positionToOffset(document, position), options);
  if (!explanation) return null;
  return { contents: { kind: 'markdown', value: explanation.markdown }, range: spanToRange(document, explanation.span) };
}
