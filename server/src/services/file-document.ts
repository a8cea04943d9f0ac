/**
 * The TextDocument of a workspace file's text, kept as long as the workspace keeps that
 * version of the file. A TextDocument finds the line breaks of its whole text on the
 * first offset it turns into a position; made anew per request, that scan of every file
 * a code lens or matrix points into was most of what locating its targets cost.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from '../workspace/workspace';
import { textDocument } from './positions';

type FileEntry = NonNullable<ReturnType<Workspace['getFile']>>;

/** Keyed by the file's entry, which the workspace replaces whenever the text changes. */
const documents = new WeakMap<FileEntry, TextDocument>();

/** The document of `uri` as the workspace holds it; an empty one when it holds no such file. */
export function workspaceDocument(workspace: Workspace, uri: string): TextDocument {
  const file = workspace.getFile(uri);
  if (!file) return textDocument('', uri);
  let document = documents.get(file);
  if (!document) documents.set(file, (document = textDocument(file.text, uri)));
  return document;
}
