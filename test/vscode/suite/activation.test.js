// The extension is installed in the test window and activates when a YAML file is opened,
// and how long the first file waits for its diagnostics (printed, never asserted: the
// machine is shared and its speed varies).
//
// Why this file runs first (mocha sorts the files): the window has opened no YAML file
// before, so opening one here activates the extension, starts the server and indexes the
// workspace, which is the wait a new user sees.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const { EXTENSION_ID, SOURCE, examplePath, waitFor, closeAll } = require('./helpers');

const FIRST_FILE = 'mistakes/broken-policies.yaml';

describe('activation', () => {
  after(closeAll);

  it('netpol-lens.netpol-lens is present', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not loaded`);
  });

  it('activates when a YAML file is opened, and publishes its diagnostics (timing printed)', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(ext.isActive, false, 'nothing has opened a YAML file yet, so the extension is not active');
    const uri = vscode.Uri.file(examplePath(FIRST_FILE));
    let firstDiagnosticsAt;
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (firstDiagnosticsAt !== undefined || !e.uris.some((u) => u.toString() === uri.toString())) return;
      if (vscode.languages.getDiagnostics(uri).some((d) => d.source === SOURCE)) firstDiagnosticsAt = Date.now();
    });
    try {
      const openedAt = Date.now();
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: false });
      assert.equal(doc.languageId, 'yaml');
      await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, { timeoutMs: 20_000 });
      await waitFor(`netpol-lens diagnostics on ${path.basename(FIRST_FILE)}`, () => firstDiagnosticsAt, { timeoutMs: 30_000, intervalMs: 10 });
      const panelBundle = path.join(ext.extensionPath, 'dist', 'client', 'panel.js');
      assert.ok(!Object.keys(require.cache).includes(panelBundle), 'activation does not load the panel\'s code');
      const { loadedAt, activateStartedAt, activatedAt } = ext.exports.startup;
      this.test.note = `timing: open ${FIRST_FILE} -> first diagnostics ${firstDiagnosticsAt - openedAt} ms ` +
        `(bundle loaded after ${loadedAt - openedAt} ms, activate() called after ${activateStartedAt - openedAt} ms, returned after ${activatedAt - openedAt} ms; ` +
        `activate() -> first diagnostics ${firstDiagnosticsAt - activateStartedAt} ms)`;
      console.log(this.test.note);
    } finally {
      listener.dispose();
    }
  });

  it('registers netpolLens.restartServer', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('netpolLens.restartServer'), 'command netpolLens.restartServer not registered');
  });
});
