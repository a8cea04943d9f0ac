/**
 * textDocument/codeAction over stdio, against the built server: the Allow DNS egress
 * fix is returned for the warning's range, linked to the client's own diagnostic,
 * applies cleanly, and is gone (with its warning) once applied.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from '../support/lsp-client';

const POLICY = `# The API may reach its database, and nothing else.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-egress
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: api
  policyTypes:
  - Egress
  egress:
  - to:
    - podSelector:
        matchLabels:
          app: db
`;

function dnsWarning(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => d.code === 'netpol/egress-without-dns');
}

describe('code actions over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.shutdown();
  });

  test('the server announces quick fixes, refactorings and source actions', () => {
    const provider = client.initializeResult?.capabilities.codeActionProvider;
    assert.ok(provider, 'codeActionProvider');
  });

  test('Allow DNS egress is offered on the warning, applies cleanly, and is not offered again', async () => {
    const uri = 'untitled:api-egress.yaml';
    client.open(uri, POLICY);
    const published = await client.waitForDiagnostics(uri, (p) => dnsWarning(p.diagnostics) !== undefined);
    const warning = dnsWarning(published.diagnostics)!;
    assert.equal(warning.severity, 2);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: warning.range, context: { diagnostics: [warning] } });
    const fix = actions.find((a) => a.title === 'Allow DNS egress to kube-dns');
    assert.ok(fix, client.failure(`no DNS fix in ${JSON.stringify(actions.map((a) => a.title))}`).message);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [warning], 'the fix is linked to the very diagnostic the client holds');
    const edits: TextEdit[] = fix.edit?.changes?.[uri] ?? [];
    assert.ok(edits.length > 0);

    const fixed = TextDocument.applyEdits(client.document(uri), edits);
    assert.ok(fixed.startsWith(POLICY), 'the rule is appended; nothing before it changes');
    client.changeFull(uri, fixed);
    const after = await client.waitForDiagnostics(uri);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'netpol/egress-without-dns' || String(d.code).startsWith('yaml/')), []);

    const whole = client.range(uri, 0, fixed.length);
    const again = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: after.diagnostics } });
    assert.deepEqual(again.filter((a) => a.title === 'Allow DNS egress to kube-dns'), []);
    client.close(uri);
  });

  test('a stale diagnostic from an older version gets no fix', async () => {
    const uri = 'untitled:stale.yaml';
    client.open(uri, POLICY);
    const published = await client.waitForDiagnostics(uri, (p) => dnsWarning(p.diagnostics) !== undefined);
    const warning = dnsWarning(published.diagnostics)!;
    // The user allows all egress by hand; the editor still asks with the old diagnostic.
    client.changeFull(uri, POLICY.replace(/  egress:[\s\S]*$/, '  egress:\n  - {}\n'));
    await client.waitForDiagnostics(uri);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: warning.range, context: { diagnostics: [warning] } });
    assert.deepEqual(actions.filter((a) => a.title === 'Allow DNS egress to kube-dns'), []);
    client.close(uri);
  });

  test('the default-deny source action is offered when only source actions are asked for', async () => {
    const uri = 'untitled:source.yaml';
    client.open(uri, POLICY);
    await client.waitForDiagnostics(uri);
    const cursor = client.range(uri, POLICY.indexOf('app: api'), POLICY.indexOf('app: api'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: cursor, context: { diagnostics: [], only: ['source'] } });
    assert.deepEqual(
      actions.map((a) => `${a.kind} ${a.title}`),
      ['source Add default-deny policy for this namespace (shop)'],
    );
    client.close(uri);
  });
});
