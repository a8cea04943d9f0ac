/**
 * The reachability panel's requests (declared in protocol.ts, "The reachability
 * panel"): the matrix through a port filter, what-if against the saved files,
 * focus on the policy at a position, and data export.
 */
import { connlistRows, jsonReportLines } from '../../evaluate/format-connlist';
import { ExportPieces } from '../export-pieces';
import { runInSlices } from '../slices';
import { ExportReachRequest, PolicyFocusRequest, PortMatrixRequest, WhatIfRequest, type ExportReachResult, type PolicyFocusResult, type ReachabilityMatrixResult, type WhatIfResult } from '../../protocol';
import { positionToOffset, textDocument } from '../../services/positions';
import { policyAt, policyFocus } from '../../workspace/policy-focus';
import { MatrixNodeTableWriter } from '../../matrix-node-table';
import { portMatrixViewSteps } from '../../workspace/port-matrix';
import type { Feature } from '../features';
import { LastAnswer, viewKey } from '../last-answer';
import { runSafe } from '../run-safe';
import { normalizeUri } from '../index-runner';
import { onRequest, workspaceLocator } from './panel-support';
import { WhatIf } from './panel-what-if';

const EMPTY_MATRIX: ReachabilityMatrixResult = { version: -1, indexing: false, nodes: new MatrixNodeTableWriter().table(), groups: [], palette: [], cellRuns: [], tracesComplete: false, skippedPolicies: [] };
const EMPTY_WHAT_IF: WhatIfResult = { version: -1, unsavedFiles: [], changes: [] };
const EMPTY_FOCUS: PolicyFocusResult = { version: -1, directions: [], selected: [], flows: [], complete: true };

export const panelFeature: Feature = {
  // The panel's code lenses are served by handlers/code-lens.ts (one codeLens handler per connection).
  capabilities: {},
  register({ connection, documents, indexer, log }) {
    const whatIf = new WhatIf(documents, indexer);
    const lastPortMatrix = new LastAnswer<ReachabilityMatrixResult>();
    onRequest(connection, PortMatrixRequest, (params, token) =>
      runSafe(log, 'portMatrix', token, EMPTY_MATRIX, () =>
        lastPortMatrix.keptOr(
          () => viewKey(indexer, params),
          () => {
            const ws = indexer.workspace;
            return indexer.reachView(token, (engine) => portMatrixViewSteps(engine, { version: ws.version, indexing: indexer.indexing }, workspaceLocator(ws), params.ports));
          },
          (ms) => log(`Port matrix of workspace version ${indexer.workspace.version}: computed in ${Math.round(ms)} ms.`),
        ),
      ),
    );
    onRequest(connection, WhatIfRequest, (params, token) => runSafe(log, 'whatIf', token, EMPTY_WHAT_IF, () => whatIf.compute(params, token)));
    onRequest(connection, PolicyFocusRequest, (params, token) =>
      runSafe(log, 'policyFocus', token, EMPTY_FOCUS, async () => {
        const engine = await indexer.reach(token);
        const ws = indexer.workspace;
        const uri = normalizeUri(params.uri);
        const text = ws.getFile(uri)?.text;
        const found = text === undefined ? undefined : policyAt(engine, uri, positionToOffset(textDocument(text, uri), params.position));
        return policyFocus(engine, found, ws.version, workspaceLocator(ws));
      }),
    );
    const exports = new ExportPieces();
    onRequest(connection, ExportReachRequest, (params, token) =>
      runSafe<ExportReachResult>(log, 'exportReach', token, { text: '', error: 'internal error' }, async () => {
        const ws = indexer.workspace;
        // The engine of one version: a change while it was computed asks again.
        let version = ws.version;
        let engine = await indexer.reach(token);
        while (ws.version !== version && !token.isCancellationRequested) {
          version = ws.version;
          engine = await indexer.reach(token);
        }
        const lines = (): Iterable<string> => (params.format === 'json' ? jsonReportLines(engine, workspaceLocator(ws)) : connlistRows(engine));
        // In time slices: a piece traces thousands of pairs. A change meanwhile would update the engine under it.
        const outcome = await runInSlices(exports.piece(params.format, params.cursor, version, lines), () => token.isCancellationRequested || ws.version !== version);
        if (outcome.done) return outcome.value;
        exports.close();
        return { text: '', error: 'The export was interrupted: the workspace changed while it was written. Export again.' };
      }),
    );
  },
};
