/** Reads CLI path arguments into a Workspace, and prints source positions for them. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceRef } from '../analysis/reach/types';
import { oneBased, spanToRange, textDocument } from '../services/positions';
import { Workspace } from '../workspace/workspace';
import { collectManifestFiles } from './collect-files';

export interface LoadedWorkspace {
  readonly workspace: Workspace;
  readonly missing: readonly string[];
  /** uri -> the path as the user wrote it (or as found under a folder they named). */
  readonly displayPaths: ReadonlyMap<string, string>;
}

export function loadWorkspace(paths: readonly string[]): LoadedWorkspace {
  const { files, missing } = collectManifestFiles(paths);
  const workspace = new Workspace();
  const displayPaths = new Map<string, string>();
  for (const file of files) {
    const uri = pathToFileURL(path.resolve(file)).toString();
    displayPaths.set(uri, file);
    workspace.setFile(uri, fs.readFileSync(file, 'utf8'));
  }
  return { workspace, missing, displayPaths };
}

/** `path:line:column` (1-based), as terminals print positions. */
export function whereIn(loaded: LoadedWorkspace): (source: SourceRef) => string {
  return (source) => {
    const text = loaded.workspace.getFile(source.uri)?.text ?? '';
    const { line, column } = oneBased(textDocument(text, source.uri), source.span.start);
    return `${loaded.displayPaths.get(source.uri) ?? source.uri}:${line}:${column}`;
  };
}

/** `{ uri, range }` with 0-based LSP positions, for JSON output. */
export function locationIn(loaded: LoadedWorkspace): (source: SourceRef) => object {
  return (source) => {
    const text = loaded.workspace.getFile(source.uri)?.text ?? '';
    return { uri: source.uri, range: spanToRange(textDocument(text, source.uri), source.span) };
  };
}

export function missingErrors(command: string, missing: readonly string[]): string[] {
  return missing.map((p) => `netpol-lens ${command}: ${p}: no such file or folder`);
}
