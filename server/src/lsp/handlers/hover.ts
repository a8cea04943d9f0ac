/** textDocument/hover -> services/hover. */
import type { Hover } from 'vscode-languageserver/node';
import { hoverAt } from '../../services/hover';
import { calicoOrderLookup } from '../../workspace/calico-order';
import { workspaceMatcher } from '../../workspace/selector-matcher';
import type { Feature } from '../features';
import { runSafe } from '../run-safe';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register({ connection, documents, cache, log, indexer }) {
    // Selector hovers list what they match among the workspace's workloads and namespaces.
    const matches = workspaceMatcher(() => indexer.workspace.index);
    // Calico hovers place the policy in evaluation order among the workspace's policies.
    const calicoOrder = calicoOrderLookup(() => indexer.workspace.index);
    connection.onHover((params, token) =>
      runSafe<Hover | null>(log, 'hover', token, null, () => {
        const document = documents.get(params.textDocument.uri);
        return document ? hoverAt(document, cache.get(document), params.position, { matches, calicoOrder }) : null;
      }),
    );
  },
};
