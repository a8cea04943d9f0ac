// The extension is installed in the test window and activates when a YAML file opens.
'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { EXTENSION_ID, openExample, waitFor, closeAll } = require('./helpers');

describe('activation', () => {
  after(closeAll);

  it('netpol-lens.netpol-lens is present', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not loaded`);
  });

  it('activates when a YAML file is opened', async () => {
    const doc = await openExample('tutorial/policies.yaml');
    assert.equal(doc.languageId, 'yaml');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, { timeoutMs: 20_000 });
  });

  it('registers netpolLens.restartServer', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('netpolLens.restartServer'), 'command netpolLens.restartServer not registered');
  });
});
