/** Code actions: quick fixes for findings (matched on code and data) and source actions. */
import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileAnalysis } from '../analysis/analyze-file';

export function codeActionsFor(_document: TextDocument, _analysis: FileAnalysis, _params: CodeActionParams): CodeAction[] {
  return [];
}
