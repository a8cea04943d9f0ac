/**
 * textDocument/completion -> services/completion, and netpolLens/recipes for the
 * "New Policy from Recipe" command. Completion never waits for the first index:
 * while it runs, answers are marked incomplete so the editor asks again.
 */
import type { CompletionList } from 'vscode-languageserver/node';
import { labelUniverseOf } from '../../analysis/navigate/universe-cache';
import { RecipesRequest, type RecipesResult } from '../../protocol';
import { COMPLETION_TRIGGERS, completionsAt, recipesFor } from '../../services/completion';
import type { Feature } from '../features';
import { runSafe } from '../run-safe';
import { onRequest } from './panel-support';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export const completionFeature: Feature = {
  capabilities: { completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false } },
  register({ connection, documents, cache, indexer, log }) {
    connection.onCompletion((params, token) =>
      runSafe<CompletionList>(log, 'completion', token, EMPTY, () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return EMPTY;
        return completionsAt(document, cache.get(document), params.position, labelUniverseOf(indexer.workspace), indexer.indexing);
      }),
    );
    onRequest(connection, RecipesRequest, (params, token) =>
      runSafe<RecipesResult>(log, 'recipes', token, recipesFor(undefined, {}), async () => {
        await indexer.ready;
        return recipesFor(labelUniverseOf(indexer.workspace), params ?? {});
      }),
    );
  },
};
