/** textDocument/references -> services/navigation: workloads a selector matches, policies about a workload. */
import type { Location } from 'vscode-languageserver/node';
import { locator, navWorld, referencesAt } from '../../services/navigation';
import type { Feature } from '../features';
import { runSafe } from '../run-safe';
import { normalizeUri } from '../index-runner';

export const referencesFeature: Feature = {
  capabilities: { referencesProvider: true },
  register({ connection, documents, cache, indexer, log }) {
    connection.onReferences((params, token) =>
      runSafe<Location[]>(log, 'references', token, [], async () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return [];
        await indexer.ready;
        const uri = normalizeUri(document.uri);
        const analysis = cache.get(document);
        const world = navWorld(indexer.workspace, uri, analysis);
        return referencesAt(document, analysis, params.position, world, locator(indexer.workspace, document, uri), uri, params.context.includeDeclaration);
      }),
    );
  },
};
