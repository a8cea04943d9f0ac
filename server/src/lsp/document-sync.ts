/**
 * Document sync with its parameters checked before TextDocuments sees them. A
 * didOpen whose text is not a string, or a didChange whose range is not a range,
 * would otherwise become a document every later request trips over (and the
 * workspace index with it); such a message is logged and dropped instead.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Logger } from './run-safe';

type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

export function listenToDocuments(documents: TextDocuments<TextDocument>, connection: Connection, log: Logger): void {
  const checked = <P>(method: string, valid: (params: unknown) => params is P, handler: (params: P) => void) => (params: unknown): void => {
    if (valid(params)) handler(params);
    else log(`[error] ${method} ignored: its parameters are not what the protocol specifies.`);
  };
  const sync: TextDocumentConnection = {
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(checked('didOpen', isOpenParams, handler)),
    onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(checked('didChange', isChangeParams, handler)),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(checked('didClose', hasDocumentUri, handler)),
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(checked('willSave', hasDocumentUri, handler)),
    onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil((params, token) => (hasDocumentUri(params) ? handler(params, token) : [])),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(checked('didSave', hasDocumentUri, handler)),
  };
  documents.listen(sync);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function hasDocumentUri<P>(params: unknown): params is P {
  return isObject(params) && isObject(params.textDocument) && typeof params.textDocument.uri === 'string';
}

function isOpenParams<P>(params: unknown): params is P {
  if (!hasDocumentUri(params)) return false;
  const document = (params as { textDocument: Record<string, unknown> }).textDocument;
  return typeof document.languageId === 'string' && typeof document.version === 'number' && Number.isFinite(document.version) && typeof document.text === 'string';
}

function isChangeParams<P>(params: unknown): params is P {
  if (!hasDocumentUri(params)) return false;
  const { textDocument, contentChanges } = params as { textDocument: Record<string, unknown>; contentChanges: unknown };
  return typeof textDocument.version === 'number' && Number.isFinite(textDocument.version) && Array.isArray(contentChanges) && contentChanges.every(isContentChange);
}

function isContentChange(change: unknown): boolean {
  if (!isObject(change) || typeof change.text !== 'string') return false;
  return change.range === undefined || isRange(change.range);
}

function isRange(range: unknown): boolean {
  return isObject(range) && isPosition(range.start) && isPosition(range.end);
}

function isPosition(position: unknown): boolean {
  return isObject(position) && isCount(position.line) && isCount(position.character);
}
