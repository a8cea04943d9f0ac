/** netpolLens/reachabilityMatrix and netpolLens/explainConnection -> the workspace's reachability engine. */
import { findNode } from '../../evaluate/find-node';
import { explainLines } from '../../evaluate/format-why';
import type { SourceRef } from '../../evaluate/types';
import { ExplainConnectionRequest, ReachabilityMatrixRequest, type ExplainConnectionResult, type ReachabilityMatrixResult } from '../../protocol';
import { matrixViewSteps, traceDto, type LocateSource } from '../../workspace/reach-view';
import type { Feature } from '../features';
import { LastAnswer, viewKey } from '../last-answer';
import { runSafe } from '../run-safe';
import { onRequest, workspaceLocator } from './panel-support';

export const reachabilityFeature: Feature = {
  capabilities: {},
  register({ connection, indexer, log }) {
    const lastMatrix = new LastAnswer<ReachabilityMatrixResult>();
    onRequest(connection, ReachabilityMatrixRequest, (params, token) =>
      runSafe<ReachabilityMatrixResult | null>(log, 'reachabilityMatrix', token, null, () =>
        lastMatrix.keptOr(
          () => viewKey(indexer, params),
          () => {
            const ws = indexer.workspace;
            return indexer.reachView(token, (engine) => matrixViewSteps(engine, { version: ws.version, indexing: indexer.indexing }, workspaceLocator(ws), params ?? {}));
          },
          (ms) => log(`Matrix of workspace version ${indexer.workspace.version}: computed in ${Math.round(ms)} ms.`),
        ),
      ),
    );
    onRequest(connection, ExplainConnectionRequest, (params, token) =>
      runSafe<ExplainConnectionResult>(log, 'explainConnection', token, { text: [], error: 'internal error' }, async () => {
        const engine = await indexer.reach(token);
        const src = findNode(engine, params.src);
        if ('error' in src) return { text: [], error: src.error };
        const dst = findNode(engine, params.dst);
        if ('error' in dst) return { text: [], error: dst.error };
        const trace = engine.explain(src.node, dst.node);
        const locate = workspaceLocator(indexer.workspace);
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
