/** Small helpers the panel's handlers share: typed request registration and source locations. */
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import type { RequestSpec } from '../../protocol';
import { spanToRange, textDocument } from '../../services/positions';
import type { LocateSource } from '../../workspace/reach-view';
import type { Workspace } from '../../workspace/workspace';

/** Registers a handler typed by its declaration in protocol.ts. */
export function onRequest<P, R>(connection: Connection, spec: RequestSpec<P, R>, handler: (params: P, token: CancellationToken) => Promise<R>): void {
  connection.onRequest(spec.method, (params: P, token: CancellationToken) => handler(params, token));
}

/** Offsets -> LSP ranges in the workspace's texts, with one TextDocument per file and request. */
export function workspaceLocator(ws: Workspace): LocateSource {
  const documents = new Map<string, ReturnType<typeof textDocument>>();
  return (source) => {
    let document = documents.get(source.uri);
    if (!document) {
      document = textDocument(ws.getFile(source.uri)?.text ?? '', source.uri);
      documents.set(source.uri, document);
    }
    return { uri: source.uri, range: spanToRange(document, source.span) };
  };
}
