/** textDocument/codeAction -> services/code-actions. */
import { CodeActionKind, type CodeAction } from 'vscode-languageserver/node';
import { codeActionsFor } from '../../services/code-actions';
import type { Feature } from '../features';
import { runSafe } from '../run-safe';

export const codeActionFeature: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.Source] } },
  register({ connection, documents, cache, log }) {
    connection.onCodeAction((params, token) =>
      runSafe<CodeAction[]>(log, 'codeAction', token, [], () => {
        const document = documents.get(params.textDocument.uri);
        return document ? codeActionsFor(document, cache.get(document), params) : [];
      }),
    );
  },
};
