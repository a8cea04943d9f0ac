/** Reads CLI path arguments into a Workspace, and prints source positions for them. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClusterProfile } from '../analysis/profile/cluster-profile';
import type { SourceRef } from '../evaluate/types';
import { oneBased, spanToRange, textDocument } from '../services/positions';
import { Workspace } from '../workspace/workspace';
import { readManifests, type Manifest } from './collect-files';

export interface LoadedWorkspace {
  readonly workspace: Workspace;
  /** `PATH: reason` for every path that could not be read (and was skipped). */
  readonly problems: readonly string[];
  /** uri -> the path as the user wrote it (or as found under a folder they named). */
  readonly displayPaths: ReadonlyMap<string, string>;
}

export function loadWorkspace(paths: readonly string[], profile?: ClusterProfile): LoadedWorkspace {
  const { manifests, problems } = readManifests(paths);
  return workspaceOf(manifests, problems, fileUri, profile);
}

/** A workspace of manifests read elsewhere (e.g. from a git tree); `uriOf` names each file. */
export function workspaceOf(manifests: readonly Manifest[], problems: readonly string[] = [], uriOf = fileUri, profile?: ClusterProfile): LoadedWorkspace {
  const workspace = new Workspace(profile);
  const displayPaths = new Map<string, string>();
  for (const manifest of manifests) {
    const uri = uriOf(manifest.path);
    displayPaths.set(uri, manifest.path);
    workspace.setFile(uri, manifest.text);
  }
  return { workspace, problems, displayPaths };
}

function fileUri(file: string): string {
  return pathToFileURL(path.resolve(file)).toString();
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

/** The problems as stderr lines of a command. */
export function problemLines(command: string, problems: readonly string[]): string[] {
  return problems.map((p) => `netpol-lens ${command}: ${p}`);
}
