/** Hover: explains the NetworkPolicy node under the cursor. */
import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../analysis/analyze-file';

export function hoverAt(_document: TextDocument, _analysis: FileAnalysis, _position: Position): Hover | null {
  return null;
}
