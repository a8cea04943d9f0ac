/** textDocument/documentSymbol -> services/symbols (outline, breadcrumbs, Go to Symbol). */
import type { DocumentSymbol } from 'vscode-languageserver/node';
import { documentSymbolsFor } from '../../services/symbols';
import type { Feature } from '../features';
import { runSafe } from '../run-safe';

export const documentSymbolsFeature: Feature = {
  capabilities: { documentSymbolProvider: { label: 'NetworkPolicy Lens' } },
  register({ connection, documents, cache, log }) {
    connection.onDocumentSymbol((params, token) =>
      runSafe<DocumentSymbol[]>(log, 'documentSymbol', token, [], () => {
        const document = documents.get(params.textDocument.uri);
        return document ? documentSymbolsFor(document, cache.get(document)) : [];
      }),
    );
  },
};
