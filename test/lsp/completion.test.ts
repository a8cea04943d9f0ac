/**
 * textDocument/completion and netpolLens/recipes over the real protocol: the built
 * server indexes the completion fixture workspace, and an unsaved buffer in that
 * folder gets the workspace's labels; the answer over the wire is what the
 * completion service computes in-process.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionList } from 'vscode-languageserver-protocol/node';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { IndexStatusNotification, RecipesRequest, type IndexStatusParams, type RecipesResult } from '../../server/src/protocol';
import { completionsAt } from '../../server/src/services/completion';
import { textDocument } from '../../server/src/services/positions';
import { fileUri, LspClient } from '../support/lsp-client';
import { fixture } from '../support/paths';

const FOLDER = fixture('completion', 'workspace');
const POLICY = ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: new', '  namespace: shop', 'spec:', '  podSelector:', '    matchLabels:', '      ', ''].join('\n');

describe('completion over stdio', () => {
  let client: LspClient;
  const uri = fileUri(path.join(FOLDER, 'new-policy.yaml'));

  before(async () => {
    client = await LspClient.start({ workspaceFolders: [FOLDER] });
    await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready' && p.files > 0);
    client.open(uri, POLICY);
  });
  after(() => client.kill());

  function complete(line: number, character: number, on = uri): Promise<CompletionList> {
    return client.request<CompletionList>('textDocument/completion', { textDocument: { uri: on }, position: { line, character } });
  }

  test('the server announces completion with trigger characters', () => {
    const provider = client.initializeResult?.capabilities.completionProvider;
    assert.ok(provider?.triggerCharacters?.includes(' ') && provider.triggerCharacters.includes(':'), JSON.stringify(provider));
  });

  test('matchLabels keys come from the workspace, most used first', async () => {
    const list = await complete(8, 6);
    assert.deepEqual(list.items.map((i) => [i.label, i.detail]), [
      ['app', 'on 4 workloads · 3 values'],
      ['tier', 'on 4 workloads · 2 values'],
      ['track', 'on 1 workload · 1 value'],
    ]);
    assert.equal(list.isIncomplete, false);
  });

  test('spec keys over the wire are what the service computes in-process', async () => {
    const wire = await complete(6, 2);
    const local = textDocument(POLICY, uri);
    const expected = completionsAt(local, analyzeText(POLICY), { line: 6, character: 2 }, undefined);
    assert.deepEqual(wire.items, expected.items);
    assert.ok(wire.items.some((i) => i.label === 'policyTypes'));
  });

  test('completion follows unsaved edits: a value after the key just typed', async () => {
    client.replace(uri, '      \n', '      tier: \n');
    const list = await complete(8, 12);
    assert.deepEqual(list.items.map((i) => i.label), ['backend', 'frontend']);
    assert.equal((list.items[0]!.textEdit as { newText: string }).newText, 'backend');
  });

  test('netpolLens/recipes lists the policy recipes and the namespaces, busiest first', async () => {
    const result = await client.request<RecipesResult>(RecipesRequest.method, {});
    assert.deepEqual(result.namespaces.map((n) => [n.name, n.workloads]), [['shop', 4], ['default', 1], ['monitoring', 1], ['ops', 1]]);
    assert.equal(result.namespace, 'shop');
    const deny = result.recipes.find((r) => r.id === 'deny-all-ingress');
    assert.equal(deny?.kind, 'policy');
    assert.match(deny?.snippet ?? '', /namespace: \$\{2\|shop,default,monitoring,ops\|\}/);
  });

  test('netpolLens/recipes renders the choices of the namespace asked for', async () => {
    const result = await client.request<RecipesResult>(RecipesRequest.method, { namespace: 'ops' });
    const recipe = result.recipes.find((r) => r.id === 'allow-app-to-app');
    assert.match(recipe?.snippet ?? '', /namespace: \$\{2\|ops,shop,default,monitoring\|\}/);
    assert.match(recipe?.snippet ?? '', /matchLabels:\n {6}\$\{3:app: resolver\}/);
  });
});
