/** netpolLens/reachabilityMatrix and netpolLens/explainConnection -> the workspace's reachability engine. */
import type { CancellationToken, Connection } from 'vscode-languageserver/node';
import { findNode } from '../../analysis/reach/find-node';
import { explainLines } from '../../analysis/reach/format-why';
import type { SourceRef } from '../../analysis/reach/types';
import { ExplainConnectionRequest, ReachabilityMatrixRequest, type ExplainConnectionResult, type ReachabilityMatrixResult, type RequestSpec } from '../../protocol';
import { spanToRange, textDocument } from '../../services/positions';
import { matrixView, traceDto, type LocateSource } from '../../workspace/reach-view';
import type { Workspace } from '../../workspace/workspace';
import type { Feature } from '../features';
import { runSafe } from '../run-safe';

export const reachabilityFeature: Feature = {
  capabilities: {},
  register({ connection, indexer, log }) {
    onRequest(connection, ReachabilityMatrixRequest, (params, token) =>
      runSafe<ReachabilityMatrixResult | null>(log, 'reachabilityMatrix', token, null, async () => {
        await indexer.ready;
        const ws = indexer.workspace;
        return matrixView(ws.reach(), { version: ws.version, indexing: indexer.indexing }, locator(ws), params ?? {});
      }),
    );
    onRequest(connection, ExplainConnectionRequest, (params, token) =>
      runSafe<ExplainConnectionResult>(log, 'explainConnection', token, { text: [], error: 'internal error' }, async () => {
        await indexer.ready;
        const engine = indexer.workspace.reach();
        const src = findNode(engine, params.src);
        if ('error' in src) return { text: [], error: src.error };
        const dst = findNode(engine, params.dst);
        if ('error' in dst) return { text: [], error: dst.error };
        const trace = engine.explain(src.node, dst.node);
        const locate = locator(indexer.workspace);
        return { trace: traceDto(trace, locate), text: explainLines(trace, whereText(locate), params.port) };
      }),
    );
  },
};

function whereText(locate: LocateSource): (source: SourceRef) => string {
  return (source) => {
    const { uri, range } = locate(source);
    return `${uri}:${range.start.line + 1}:${range.start.character + 1}`;
  };
}

/** Registers a handler typed by its declaration in protocol.ts. */
function onRequest<P, R>(connection: Connection, spec: RequestSpec<P, R>, handler: (params: P, token: CancellationToken) => Promise<R | null>): void {
  connection.onRequest(spec.method, (params: P, token: CancellationToken) => handler(params, token));
}

/** Offsets -> LSP ranges, with one TextDocument per file and request. */
function locator(ws: Workspace): LocateSource {
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
