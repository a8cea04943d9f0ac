/** textDocument/hover -> services/hover. */
import type { Hover } from 'vscode-languageserver/node';
import { hoverAt } from '../../services/hover';
import { isWorkloadAt, workloadHoverAt } from '../../services/navigation';
import { workspaceMatcher } from '../../workspace/selector-matcher';
import type { Feature } from '../features';
import { runSafe } from '../run-safe';
import { normalizeUri } from '../index-runner';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register({ connection, documents, cache, log, indexer }) {
    // Selector hovers list what they match among the workspace's workloads and namespaces.
    const matches = workspaceMatcher(() => indexer.workspace.index);
    // Hovers that place a policy among the workspace's policies (an evaluation order) read the index when asked.
    const workspace = () => indexer.workspace.index;
    connection.onHover((params, token) =>
      runSafe<Hover | null>(log, 'hover', token, null, async () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return null;
        const analysis = cache.get(document);
        const hover = hoverAt(document, analysis, params.position, { matches, workspace });
        if (hover || !indexer.inScope(document.uri)) return hover;
        // Not a policy node: a workload's hover says which policies select it and who reaches it.
        if (!isWorkloadAt(document, analysis, params.position)) return null;
        const engine = await indexer.reach(token);
        return workloadHoverAt(document, cache.get(document), params.position, normalizeUri(document.uri), engine);
      }),
    );
  },
};
