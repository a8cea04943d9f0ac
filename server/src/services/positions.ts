/**
 * The one place where offsets become LSP positions and back. The model keeps
 * UTF-16 offsets; LSP and the CLI want 0-based (or, printed, 1-based) lines.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver';
import type { Span } from '../core/parse/yaml-tree';

export function spanToRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function positionToOffset(document: TextDocument, position: Position): number {
  return document.offsetAt(position);
}

/** A throw-away TextDocument for code paths (the CLI, tests) that only hold text. */
export function textDocument(text: string, uri = 'file:///untitled.yaml'): TextDocument {
  return TextDocument.create(uri, 'yaml', 0, text);
}

/** 1-based line and column, as terminals and editors print them. */
export function oneBased(document: TextDocument, offset: number): { line: number; column: number } {
  const position = document.positionAt(offset);
  return { line: position.line + 1, column: position.character + 1 };
}
