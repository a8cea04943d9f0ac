// Go to Definition as VS Code does it: from the podSelector of the tutorial's frontend
// policy, the definition is the frontend Deployment's pod labels in workloads.yaml, and
// "Go to Definition" in the editor opens that file there.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const H = require('./helpers');

/** The name of the Deployment whose text holds `line` (the nearest `kind:` above, then its name). */
function deploymentAt(doc, line) {
  const text = doc.getText(new vscode.Range(0, 0, line + 1, 0));
  const start = text.lastIndexOf('kind: Deployment');
  const name = /\n  name: (\S+)/.exec(text.slice(start));
  return start < 0 || !name ? undefined : name[1];
}

describe('definition', () => {
  afterEach(H.closeAll);

  it('from a podSelector lands on the matching Deployment', async () => {
    const doc = await H.openExample('tutorial/policies.yaml');
    const text = doc.getText();
    const at = doc.positionAt(text.indexOf('podSelector', text.indexOf('name: default-access-frontend')) + 3);
    const targets = await H.waitFor('a definition in workloads.yaml', async () => {
      const found = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, at);
      return found.length > 0 ? found : undefined;
    }, { timeoutMs: 20_000 });
    assert.equal(targets.length, 1, JSON.stringify(targets));
    const target = targets[0];
    const uri = target.targetUri ?? target.uri;
    const range = target.targetSelectionRange ?? target.range;
    assert.equal(path.basename(uri.fsPath), 'workloads.yaml');
    const workloads = await vscode.workspace.openTextDocument(uri);
    assert.equal(deploymentAt(workloads, range.start.line), 'frontend');
    assert.equal(workloads.lineAt(range.start.line).text.trim(), 'app: my-nginx');

    // The editor command opens workloads.yaml with the cursor in the frontend Deployment.
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    const landed = await H.waitFor('the editor on workloads.yaml', () => {
      const active = vscode.window.activeTextEditor;
      return active && path.basename(active.document.uri.fsPath) === 'workloads.yaml' ? active : undefined;
    });
    assert.equal(deploymentAt(landed.document, landed.selection.active.line), 'frontend');
  });

  it('the code lens above a policy counts its workloads and opens them as references', async () => {
    const doc = await H.openExample('tutorial/policies.yaml');
    let titles = '';
    const lenses = await H.waitFor('a resolved "selects" lens', async () => {
      const found = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri, 100);
      titles = found.map((l) => l.command?.title ?? '(unresolved)').join(' | ');
      return found.some((l) => /^selects \d+ workloads?$/.test(l.command?.title ?? '')) ? found : undefined;
    }, { timeoutMs: 20_000, show: () => titles });
    // The first policy is the default deny: it selects every pod of `default` in examples/.
    const selects = lenses.find((l) => /^selects \d+ workloads?$/.test(l.command?.title ?? ''));
    assert.equal(selects.command.command, 'netpolLens.showReferences');
    assert.ok(lenses.some((l) => l.command?.title === 'allows traffic from 2 workloads'), titles);
    // Running it converts the server's JSON into VS Code's references peek without an error.
    await vscode.commands.executeCommand(selects.command.command, ...selects.command.arguments);
  });
});
