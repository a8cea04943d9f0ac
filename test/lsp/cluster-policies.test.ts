/**
 * Cluster-wide policies over the real protocol: the built server in a child process,
 * an AdminNetworkPolicy opened in it. Diagnostics carry the API server's rejection and
 * the DNS trap, the quick fix inserts the DNS rule, and the hover names tier and
 * priority: all as the in-process services compute them.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol/node';
import { fileUri, LspClient } from '../support/lsp-client';

const TEXT = [
  'apiVersion: policy.networking.k8s.io/v1alpha1',
  'kind: AdminNetworkPolicy',
  'metadata:',
  '  name: lock-down',
  'spec:',
  '  priority: 1001',
  '  subject:',
  '    namespaces: {}',
  '  egress:',
  '    - name: nothing-out',
  '      action: Deny',
  '      to:',
  '        - namespaces: {}',
  '',
].join('\n');

describe('cluster-wide policies over stdio', () => {
  let client: LspClient;
  const uri = fileUri('/tmp/netpol-lens-cluster/anp.yaml');

  before(async () => {
    client = await LspClient.start();
    client.open(uri, TEXT);
  });
  after(async () => {
    await client.shutdown();
  });

  test('the API server rejection in its words, then the DNS trap once the priority is valid', async () => {
    const first = await client.waitForDiagnostics(uri);
    assert.deepEqual(
      first.diagnostics.map((d) => [d.code, d.message]),
      [['cnp/invalid-value', 'spec.priority: Invalid value: 1001: spec.priority in body should be less than or equal to 1000']],
    );
    client.change(uri, [{ text: TEXT.replace('priority: 1001', 'priority: 10') }]);
    const second = await client.waitForDiagnostics(uri);
    assert.deepEqual(second.diagnostics.map((d) => d.code), ['cnp/deny-blocks-dns']);
    const diagnostic = second.diagnostics[0]!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const fix = actions.find((a) => a.title.startsWith('Allow DNS'));
    assert.ok(fix?.edit?.changes?.[uri], 'no DNS fix');
    const inserted = fix.edit.changes[uri]!.map((e) => e.newText).join('');
    assert.match(inserted, /- name: allow-dns\n {6}action: Allow\n/);
  });

  test('the hover on the kind names the tier, the priority and the rules in order', async () => {
    const text = client.document(uri).getText();
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: client.document(uri).positionAt(text.indexOf('AdminNetworkPolicy') + 2) });
    const markdown = (hover?.contents as { value: string }).value;
    assert.match(markdown, /cluster-wide, tier \*\*Admin\*\*, priority \*\*10\*\*/);
    assert.match(markdown, /egress 1: Deny "nothing-out" to all pods in all namespaces/);
  });
});
