// Completion as VS Code shows it: in the tutorial's backend policy, the value of the peer's
// `access` label is completed with the values the tutorial's busybox pods really carry, each
// with how many workloads it matches; an empty document offers whole-policy recipes, and
// "NetworkPolicy: New Policy from Recipe…" inserts one.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const H = require('./helpers');

/** The completion items VS Code collects at `position` (from every provider). */
async function completionItems(doc, position) {
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, position);
  return list.items;
}

function labelOf(item) {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('completion', () => {
  afterEach(H.closeAll);

  it('offers the tutorial pods\' values for a peer label, with match counts', async () => {
    const doc = await H.openExample('tutorial/policies.yaml');
    const original = doc.getText();
    const backend = original.indexOf('name: default-access-backend');
    const marker = original.indexOf('access: full', backend);
    // Unsaved edit: the value is gone, the cursor goes where it was.
    await H.setText(doc, `${original.slice(0, marker)}access: ${original.slice(marker + 'access: full'.length)}`);
    const at = doc.positionAt(marker + 'access: '.length);
    // The workspace index (workloads.yaml) is built after activation: poll until it answers.
    const items = await H.waitFor('completion items naming the busybox access values', async () => {
      const found = await completionItems(doc, at);
      return found.some((i) => labelOf(i) === 'full') && found.some((i) => labelOf(i) === 'frontend') ? found : undefined;
    }, { timeoutMs: 20_000, show: () => 'no access values yet' });
    const full = items.find((i) => labelOf(i) === 'full');
    assert.equal(full.detail, 'matches 1 workload');
    assert.equal(full.kind, vscode.CompletionItemKind.Value);
  });

  it('offers the tutorial\'s label keys in a new matchLabels line, most used first', async () => {
    const doc = await H.openExample('tutorial/policies.yaml');
    const original = doc.getText();
    const frontend = original.indexOf('name: default-access-frontend');
    const anchor = original.indexOf('      tier: frontend\n', frontend) + '      tier: frontend\n'.length;
    await H.setText(doc, `${original.slice(0, anchor)}      \n${original.slice(anchor)}`);
    const at = doc.positionAt(anchor + 6);
    const items = await H.waitFor('label keys from the workspace', async () => {
      const found = await completionItems(doc, at);
      return found.some((i) => labelOf(i) === 'access') ? found : undefined;
    }, { timeoutMs: 20_000, show: () => 'no label keys yet' });
    // app and tier are written already; access is carried by the busybox pods only.
    assert.deepEqual(items.filter((i) => i.kind === vscode.CompletionItemKind.Field).map(labelOf), ['access']);
  });

  it('offers whole-policy recipes in an empty YAML document', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    await vscode.window.showTextDocument(doc);
    const items = await H.waitFor('recipe snippets', async () => {
      const found = await completionItems(doc, new vscode.Position(0, 0));
      return found.some((i) => labelOf(i) === 'Deny all ingress in a namespace') ? found : undefined;
    });
    const deny = items.find((i) => labelOf(i) === 'Deny all ingress in a namespace');
    assert.equal(deny.kind, vscode.CompletionItemKind.Snippet);
    assert.match(deny.insertText.value, /^apiVersion: networking\.k8s\.io\/v1\nkind: NetworkPolicy\n/);
  });

  it('NetworkPolicy: New Policy from Recipe… inserts the recipe for the chosen namespace', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    await vscode.window.showTextDocument(doc);
    // With a recipe id and a namespace the command asks nothing (the palette asks both).
    const inserted = await vscode.commands.executeCommand('netpolLens.newPolicyFromRecipe', 'allow-app-to-app', 'default');
    assert.equal(inserted, true);
    const text = doc.getText();
    assert.match(text, /^apiVersion: networking\.k8s\.io\/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-from-app\n  namespace: default\n/);
    // The first choice of each label placeholder is the tutorial's most used pod label.
    assert.match(text, /podSelector:\n    matchLabels:\n      app: my-nginx\n/);
  });
});
