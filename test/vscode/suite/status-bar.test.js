// The status bar item: while the index reads the workspace it says so, once read it shows
// the number of policies in examples/, and its command opens the reachability panel.
//
// Why through the extension's API: the extension host cannot read the status bar, so the
// extension reports what its item shows (text, tooltip, command, visibility).
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const H = require('./helpers');

/** Policy objects of every dialect in the examples' files (NetworkPolicy, GlobalNetworkPolicy, the cluster-wide kinds). */
function examplePolicies() {
  const root = vscode.workspace.workspaceFolders[0].uri.fsPath;
  let count = 0;
  for (const dir of fs.readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const file of fs.readdirSync(path.join(root, dir.name)).filter((f) => /\.ya?ml$/.test(f))) {
      count += (fs.readFileSync(path.join(root, dir.name, file), 'utf8').match(/^kind: (Global|Admin|BaselineAdmin|Cluster)?NetworkPolicy\s*$/gm) || []).length;
    }
  }
  return count;
}

describe('status bar item', () => {
  let api;
  before(async () => {
    await H.openExample('tutorial/policies.yaml');
    const ext = vscode.extensions.getExtension(H.EXTENSION_ID);
    await H.waitFor(`${H.EXTENSION_ID} to activate`, () => ext.isActive, { timeoutMs: 20_000 });
    api = ext.exports;
  });
  after(H.closeAll);

  it('shows the number of policies in the workspace once indexed', async () => {
    const expected = examplePolicies();
    const state = await H.waitFor(`the item to show ${expected} policies`, () => {
      const s = api.statusItem();
      return s.visible && s.text.endsWith(` ${expected} policies`) ? s : undefined;
    }, { show: () => JSON.stringify(api.statusItem()) });
    assert.match(state.tooltip, new RegExp(`^NetworkPolicy Lens: ${expected} policies in \\d+ files\\. Click to show reachability\\.$`));
  });

  it('opens the reachability panel when clicked', async () => {
    const { command } = api.statusItem();
    assert.equal(command, 'netpolLens.showReachability');
    await vscode.commands.executeCommand(command);
    await H.waitFor('the panel to open', () => api.panel.isOpen());
  });
});
