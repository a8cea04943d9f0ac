/** workspace/symbol -> services/symbols: policies and workloads of every indexed file. */
import type { WorkspaceSymbol } from 'vscode-languageserver/node';
import { locator } from '../../services/navigation';
import { workspaceSymbolsFor } from '../../services/symbols';
import type { Feature } from '../features';
import { runSafe } from '../run-safe';

export const workspaceSymbolsFeature: Feature = {
  capabilities: { workspaceSymbolProvider: true },
  register({ connection, indexer, log }) {
    connection.onWorkspaceSymbol((params, token) =>
      runSafe<WorkspaceSymbol[]>(log, 'workspaceSymbol', token, [], async () => {
        await indexer.ready;
        return workspaceSymbolsFor(indexer.workspace, params.query, locator(indexer.workspace));
      }),
    );
  },
};
