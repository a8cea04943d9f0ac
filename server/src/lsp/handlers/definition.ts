/** textDocument/definition -> services/navigation: from a selector or peer to the workloads it matches. */
import type { Location } from 'vscode-languageserver/node';
import { definitionAt, locator, navWorld } from '../../services/navigation';
import type { Feature } from '../features';
import { runSafe } from '../run-safe';
import { normalizeUri } from '../index-runner';

export const definitionFeature: Feature = {
  capabilities: { definitionProvider: true },
  register({ connection, documents, cache, indexer, log }) {
    connection.onDefinition((params, token) =>
      runSafe<Location[]>(log, 'definition', token, [], async () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return [];
        await indexer.ready;
        const uri = normalizeUri(document.uri);
        const analysis = cache.get(document);
        return definitionAt(document, analysis, params.position, navWorld(indexer.workspace, uri, analysis), locator(indexer.workspace, document, uri));
      }),
    );
  },
};
