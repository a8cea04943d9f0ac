// NetworkPolicy: Restart Server runs, and the restarted server analyses documents again.
'use strict';
const fs = require('node:fs');
const vscode = require('vscode');
const H = require('./helpers');

describe('restart server', () => {
  afterEach(H.closeAll);

  it('netpolLens.restartServer runs and diagnostics still arrive afterwards', async () => {
    const doc = await H.openExample('mistakes/broken-policies.yaml');
    const broken = doc.getText();
    await H.waitForErrors(doc);
    await vscode.commands.executeCommand('netpolLens.restartServer');
    // Errors left over from before the restart would prove nothing, so make the new
    // server change its verdict twice: valid text clears the errors, broken text brings
    // them back.
    await H.setText(doc, fs.readFileSync(H.examplePath('tutorial/policies.yaml'), 'utf8'));
    await H.waitFor('errors to clear after restart', () => H.errorsOf(H.lensDiagnostics(doc.uri)).length === 0,
      { timeoutMs: 20_000, show: () => `\n${H.formatDiagnostics(H.lensDiagnostics(doc.uri))}` });
    await H.setText(doc, broken);
    await H.waitForErrors(doc, 20_000);
  });
});
