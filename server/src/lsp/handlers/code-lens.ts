/**
 * textDocument/codeLens and codeLens/resolve. The protocol allows one codeLens
 * handler per server, so this one also returns the reachability panel's lenses
 * (handlers/panel-code-lens.ts); ours are counted on resolve, when shown.
 */
import type { CodeLens } from 'vscode-languageserver/node';
import { allPolicies } from '../../analysis/file-analysis';
import { universeOf } from '../../analysis/navigate/universe-cache';
import { isLensData, policyLenses, resolvePolicyLens } from '../../services/code-lens';
import { locator } from '../../services/navigation';
import type { Feature } from '../features';
import { runSafe } from '../run-safe';
import { normalizeUri } from '../index-runner';
import { policyCodeLenses } from './panel-code-lens';

export const codeLensFeature: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: true } },
  register({ connection, documents, cache, indexer, log }) {
    connection.onCodeLens((params, token) =>
      runSafe<CodeLens[]>(log, 'codeLens', token, [], async () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return [];
        const analysis = cache.get(document);
        if (allPolicies(analysis).length === 0) return [];
        await indexer.ready;
        const uri = normalizeUri(document.uri);
        const inScope = indexer.inScope(document.uri);
        const ours = inScope ? policyLenses(document, analysis, uri) : [];
        return [...ours, ...policyCodeLenses(document, analysis)];
      }),
    );
    connection.onCodeLensResolve((lens, token) =>
      runSafe<CodeLens>(log, 'codeLensResolve', token, lens, async () => {
        const data: unknown = lens.data;
        if (lens.command || !isLensData(data)) return lens;
        const document = [...documents.all()].find((d) => normalizeUri(d.uri) === data.uri);
        if (!document) return lens;
        const engine = await indexer.reach(token);
        const ws = indexer.workspace;
        return resolvePolicyLens(lens, data, document.uri, cache.get(document), engine, () => universeOf(ws), locator(ws, document, data.uri));
      }),
    );
  },
};
