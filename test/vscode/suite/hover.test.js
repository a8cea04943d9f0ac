// Hovers as VS Code shows them: vscode.executeHoverProvider on the tutorial's backend
// policy returns the plain-English explanation, AND between labels, and the workloads the
// selector matches in the workspace.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const H = require('./helpers');

/** The Markdown text of every hover VS Code collects at `position`. */
async function hoverText(doc, position) {
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

describe('hover', () => {
  afterEach(H.closeAll);

  it('explains the podSelector of default-access-backend and lists what it matches', async () => {
    const doc = await H.openExample('tutorial/policies.yaml');
    const policyStart = doc.getText().indexOf('name: default-access-backend');
    const selectorAt = doc.positionAt(doc.getText().indexOf('podSelector', policyStart) + 3);
    // The workspace index is built asynchronously after activation: poll until it answers.
    const text = await H.waitFor('a hover naming default/backend[Deployment]', async () => {
      const markdown = await hoverText(doc, selectorAt);
      return markdown.includes('default/backend[Deployment]') ? markdown : '';
    }, { timeoutMs: 20_000 });
    assert.match(text, /`app=my-nginx`/);
    assert.match(text, /AND `tier=backend`/);
  });

  it('says that two separate peers are alternatives: EITHER one OR the other', async () => {
    const doc = await H.openExample('mistakes/broken-policies.yaml');
    const at = doc.positionAt(doc.getText().indexOf('- namespaceSelector:'));
    const text = await H.waitFor('a peer hover', async () => hoverText(doc, at));
    assert.match(text, /EITHER \(1\) every pod in namespaces labelled `team=monitoring` OR \(2\)/);
  });
});
