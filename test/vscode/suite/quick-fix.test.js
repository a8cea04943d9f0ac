// The "Allow DNS egress" quick fix through VS Code's own API: executeCodeActionProvider on
// the egress-without-dns warning, workspace.applyEdit, and the text VS Code then holds.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const H = require('./helpers');

const LOCKED_DOWN = [
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: api-lockdown  # keep this comment',
  '  namespace: shop',
  'spec:',
  '  podSelector:',
  '    matchLabels:',
  '      app: api',
  '  policyTypes:',
  '    - Egress',
  '',
].join('\n');

describe('quick fix', () => {
  afterEach(H.closeAll);

  it('Allow DNS egress inserts the kube-dns rule and the warning goes away', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: LOCKED_DOWN });
    await vscode.window.showTextDocument(doc);
    const warning = await H.waitFor('the egress-without-dns warning', () =>
      H.lensDiagnostics(doc.uri).find((d) => H.codeOf(d) === 'netpol/egress-without-dns'), { show: () => H.formatDiagnostics(H.lensDiagnostics(doc.uri)) });
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, warning.range, vscode.CodeActionKind.QuickFix.value, 10);
    const fix = actions.find((a) => /DNS/.test(a.title));
    assert.ok(fix, `no DNS fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(fix.edit, 'the DNS fix carries no edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const text = doc.getText();
    assert.ok(text.startsWith(LOCKED_DOWN.trimEnd().split('\n').slice(0, 11).join('\n')), `the lines before the rule changed:\n${text}`);
    assert.match(text, /# keep this comment/);
    assert.match(text, /kubernetes\.io\/metadata\.name: kube-system/);
    assert.match(text, /k8s-app: kube-dns/);
    assert.match(text, /protocol: UDP\n\s+port: 53/);
    assert.match(text, /protocol: TCP\n\s+port: 53/);
    await H.waitFor('the warning to disappear', () => !H.lensDiagnostics(doc.uri).some((d) => H.codeOf(d) === 'netpol/egress-without-dns'));
  });
});
