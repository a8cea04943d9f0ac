// The extension is installed in the test window and activates when a YAML file is opened,
// and how long the first file waits for its diagnostics (printed, never asserted: the
// machine is shared and its speed varies).
//
// Why two figures: the test window may have activated the extension before this file
// runs (VS Code opens the profile's settings.json, a JSON document, at start), so the
// wait a new user sees is measured as the sum of its parts: activate() -> server ready
// (from the extension's own start times), and a fresh server's start -> the open file's
// first diagnostics (NetworkPolicy: Restart Server, with examples/ to index).
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const { EXTENSION_ID, SOURCE, examplePath, waitFor, closeAll } = require('./helpers');

const FIRST_FILE = 'mistakes/broken-policies.yaml';

/**
 * Resolves with the time our diagnostics for `uri` appear; with `afterClear`, only once
 * they have first been cleared (a restart drops the old server's diagnostics).
 */
function nextDiagnostics(uri, { afterClear = false } = {}) {
  let listener;
  let cleared = !afterClear;
  const seen = new Promise((resolve) => {
    listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const ours = vscode.languages.getDiagnostics(uri).some((d) => d.source === SOURCE);
      if (!ours) cleared = true;
      else if (cleared) resolve(Date.now());
    });
  });
  return { seen, dispose: () => listener.dispose() };
}

describe('activation', () => {
  after(closeAll);

  it('netpol-lens.netpol-lens is present', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not loaded`);
  });

  it('activates when a YAML file is opened, without loading the panel, and publishes its diagnostics (timing printed)', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const activeBefore = ext.isActive;
    const uri = vscode.Uri.file(examplePath(FIRST_FILE));
    const openedAt = Date.now();
    const first = nextDiagnostics(uri);
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: false });
      assert.equal(doc.languageId, 'yaml');
      await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, { timeoutMs: 20_000 });
      const firstDiagnosticsAt = await first.seen;
      const panelBundle = path.join(ext.extensionPath, 'dist', 'client', 'panel.js');
      assert.ok(!Object.keys(require.cache).includes(panelBundle), 'activation does not load the panel\'s code');
      const { loadedAt, activateStartedAt, activatedAt } = ext.exports.startup;
      const parts = [`activate() -> server initialized ${activatedAt - activateStartedAt} ms (bundle loaded ${activateStartedAt - loadedAt} ms before activate())`];
      parts.push(activeBefore
        ? `open ${FIRST_FILE} (server already running) -> first diagnostics ${firstDiagnosticsAt - openedAt} ms`
        : `open ${FIRST_FILE} -> first diagnostics ${firstDiagnosticsAt - openedAt} ms`);
      this.test.note = `timing: ${parts.join('; ')}`;
      console.log(this.test.note);
    } finally {
      first.dispose();
    }
  });

  it('a fresh server publishes the open file\'s diagnostics first (timing printed)', async function () {
    const uri = vscode.Uri.file(examplePath(FIRST_FILE));
    const startedAt = Date.now();
    const next = nextDiagnostics(uri, { afterClear: true });
    try {
      await vscode.commands.executeCommand('netpolLens.restartServer');
      // The old server's diagnostics go with it; the new one's are the first that come back.
      const at = await Promise.race([next.seen, new Promise((_, reject) => setTimeout(() => reject(new Error('no diagnostics within 30 s of the restart')), 30_000))]);
      this.test.note = `timing: server start (NetworkPolicy: Restart Server) -> first diagnostics of ${FIRST_FILE} ${at - startedAt} ms`;
      console.log(this.test.note);
    } finally {
      next.dispose();
    }
  });

  it('registers netpolLens.restartServer', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('netpolLens.restartServer'), 'command netpolLens.restartServer not registered');
  });
});
