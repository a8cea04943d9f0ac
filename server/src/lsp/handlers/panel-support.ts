/** Small helpers the panel's handlers share: typed request registration and source locations. */
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { RequestSpec } from '../../protocol';
import { workspaceDocument } from '../../services/file-document';
import { spanToRange } from '../../services/positions';
import type { LocateSource } from '../../workspace/reach-view';
import type { Workspace } from '../../workspace/workspace';

/** Registers a handler typed by its declaration in protocol.ts. */
export function onRequest<P, R>(connection: Connection, spec: RequestSpec<P, R>, handler: (params: P, token: CancellationToken) => Promise<R>): void {
  connection.onRequest(spec.method, (params: P, token: CancellationToken) => handler(params, token));
}

/** Offsets -> LSP ranges in the workspace's texts, through the TextDocument kept per file version. */
export function workspaceLocator(ws: Workspace): LocateSource {
  return (source) => ({ uri: source.uri, range: spanToRange(workspaceDocument(ws, source.uri), source.span) });
}
