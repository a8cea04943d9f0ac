/** textDocument/hover -> services/hover. */
import type { Hover } from 'vscode-languageserver/node';
import { hoverAt } from '../../services/hover';
import type { Feature } from '../features';
import { runSafe } from '../run-safe';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register({ connection, documents, cache, log }) {
    connection.onHover((params, token) =>
      runSafe<Hover | null>(log, 'hover', token, null, () => {
        const document = documents.get(params.textDocument.uri);
        return document ? hoverAt(document, cache.get(document), params.position) : null;
      }),
    );
  },
};
