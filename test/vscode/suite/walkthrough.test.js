// The Getting Started walkthrough: its contribution (four steps, each with its media
// file and a button whose command exists), the walkthrough opens, and each step's
// command does what the step says on examples/ (the test window's folder): open the
// examples, show the hover of an OR, offer and apply Allow DNS egress, open the panel.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const H = require('./helpers');

const WALKTHROUGH = 'netpolLens.gettingStarted';

function extension() {
  return vscode.extensions.getExtension(H.EXTENSION_ID);
}

/** The position of the active editor's cursor, once it is on `file`. */
function cursorOn(file) {
  const e = vscode.window.activeTextEditor;
  return e && e.document.uri.fsPath.endsWith(file) ? e : undefined;
}

describe('getting started walkthrough', () => {
  before(async () => {
    await H.openExample('tutorial/policies.yaml');
    await H.waitFor(`${H.EXTENSION_ID} to activate`, () => extension().isActive, { timeoutMs: 20_000 });
  });
  after(H.closeAll);

  it('has four steps, each with its media and a button whose command is registered', async () => {
    const [walkthrough] = extension().packageJSON.contributes.walkthroughs;
    assert.equal(walkthrough.id, WALKTHROUGH);
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openExamples', 'hoverOr', 'allowDns', 'openPanel']);
    const commands = await vscode.commands.getCommands(true);
    for (const step of walkthrough.steps) {
      assert.ok(fs.existsSync(path.join(extension().extensionPath, step.media.markdown)), `${step.id}: ${step.media.markdown} is missing`);
      const links = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.equal(links.length, 1, `${step.id}: one button`);
      assert.ok(commands.includes(links[0]), `${step.id}: ${links[0]} is not registered`);
      assert.deepEqual(step.completionEvents, [`onCommand:${links[0]}`]);
    }
  });

  it('"Open the Examples", with the examples already open, shows the tutorial', async () => {
    await vscode.commands.executeCommand('netpolLens.openExamples');
    await H.waitFor('the tutorial in the editor', () => cursorOn(path.join('tutorial', 'policies.yaml')));
  });

  it('"Hover an OR" puts the cursor on two peers that mean OR, whose hover says so', async () => {
    await vscode.commands.executeCommand('netpolLens.walkthrough.hoverOr');
    const editor = await H.waitFor('the mistakes example in the editor', () => cursorOn(path.join('mistakes', 'broken-policies.yaml')));
    const diagnostic = H.lensDiagnostics(editor.document.uri).find((d) => H.codeOf(d) === 'netpol/separate-peers');
    const cursor = editor.selection.active;
    assert.ok(diagnostic && cursor.line < diagnostic.range.start.line, 'the cursor is on the first of the two peers the finding names');
    assert.match(editor.document.lineAt(cursor.line).text.slice(cursor.character), /^- \w+Selector:/);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, cursor);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /EITHER \(1\) .* OR \(2\)/);
  });

  it('"Apply Allow DNS" puts the cursor on a policy without DNS, whose fix adds it', async () => {
    await vscode.commands.executeCommand('netpolLens.walkthrough.allowDns');
    const editor = await H.waitFor('the mistakes example in the editor', () => cursorOn(path.join('mistakes', 'broken-policies.yaml')));
    const diagnostic = H.lensDiagnostics(editor.document.uri).find((d) => H.codeOf(d) === 'netpol/egress-without-dns');
    assert.ok(diagnostic && editor.selection.active.isEqual(diagnostic.range.start), 'the cursor is on the netpol/egress-without-dns finding');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /Allow DNS/.test(a.title));
    assert.ok(fix && fix.edit, `no Allow DNS fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.getText(), /kube-dns/);
  });

  it('"Show Reachability" opens the panel', async () => {
    await vscode.commands.executeCommand('netpolLens.showReachability');
    await H.waitFor('the panel to open', () => extension().exports.panel.isOpen());
  });
});
