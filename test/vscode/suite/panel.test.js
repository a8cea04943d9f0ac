// The reachability panel in real VS Code: the command opens it beside the editor on
// examples/, its webview (drawn by the workbench's own browser) shows the tutorial's
// allowed and denied cells, an unsaved edit changes them, and a click on a trace link
// selects that rule in the editor.
//
// Why through the extension's test API: the extension host cannot see webview DOM, so
// the webview reports what it drew after each render (read back from its DOM) and the
// API asks it for real DOM clicks; see client/src/panel/test-hooks.ts.
//
// examples/ holds other examples beside the tutorial (Calico's global default deny, for
// one, applies to every pod of the workspace), so the tests set the user's own
// `netpolLens.exclude` to the other example folders while they run: the panel then shows
// the tutorial's matrix. The setting goes to the throwaway test profile and is removed after.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const H = require('./helpers');

const B1 = 'default/busybox1[Deployment]';
const B2 = 'default/busybox2[Deployment]';
const FRONTEND = 'default/frontend[Deployment]';
const BACKEND = 'default/backend[Deployment]';
const EXTERNAL = '0.0.0.0-255.255.255.255[External]';

function panelApi() {
  const ext = vscode.extensions.getExtension(H.EXTENSION_ID);
  assert.ok(ext && ext.isActive && ext.exports && ext.exports.panel, 'the extension is active and returns its panel API');
  return ext.exports.panel;
}

function statusOf(report, src, dst) {
  const cell = report && report.cells.find((c) => c.src === src && c.dst === dst);
  return cell && cell.status;
}

function showReport() {
  const report = panelApi().lastRendered();
  return report ? `\n${report.cells.map((c) => `${c.src} => ${c.dst}: ${c.status}`).join('\n')}` : '(nothing drawn yet)';
}

describe('reachability panel', () => {
  let doc;
  let original;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
    const others = fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'tutorial').map((e) => `${e.name}/**`);
    await vscode.workspace.getConfiguration('netpolLens').update('exclude', others, vscode.ConfigurationTarget.Global);
    doc = await H.openExample('tutorial/policies.yaml');
    original = doc.getText();
    const ext = vscode.extensions.getExtension(H.EXTENSION_ID);
    await H.waitFor(`${H.EXTENSION_ID} to activate`, () => ext.isActive, { timeoutMs: 20_000 });
  });
  after(async () => {
    await H.closeAll();
    await vscode.workspace.getConfiguration('netpolLens').update('exclude', undefined, vscode.ConfigurationTarget.Global);
  });

  it('NetworkPolicy: Show Reachability opens the panel with the tutorial matrix', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('netpolLens.showReachability'), 'command netpolLens.showReachability not registered');
    await vscode.commands.executeCommand('netpolLens.showReachability');
    assert.ok(panelApi().isOpen(), 'the panel is open');
    const panelBundle = require('node:path').join(vscode.extensions.getExtension(H.EXTENSION_ID).extensionPath, 'dist', 'client', 'panel.js');
    assert.ok(Object.keys(require.cache).includes(panelBundle), 'the panel\'s code is loaded when it first opens');
    const report = await H.waitFor('the panel to draw the tutorial', () => {
      const r = panelApi().lastRendered();
      // Only the tutorial's four workloads and the two external ranges once the index follows the setting.
      return r && r.rows.includes(B1) && r.rows.length === 6 && r.cells.length === 36 ? r : undefined;
    }, { timeoutMs: 30_000, show: showReport });
    assert.equal(statusOf(report, B1, FRONTEND), 'partial');
    assert.equal(statusOf(report, B2, FRONTEND), 'partial');
    assert.equal(statusOf(report, B2, BACKEND), 'partial');
    assert.equal(statusOf(report, B1, BACKEND), 'denied');
    assert.equal(statusOf(report, FRONTEND, B1), 'denied');
    assert.equal(statusOf(report, BACKEND, EXTERNAL), 'allowed');
    assert.equal(statusOf(report, EXTERNAL, FRONTEND), 'denied');
    assert.match(report.cells.find((c) => c.src === B1 && c.dst === FRONTEND).label, /^From busybox1 to frontend, partly allowed: TCP 80/);
  });

  it('an unsaved edit to a policy changes the panel', async () => {
    const started = Date.now();
    await H.setText(doc, original.replace('access: full', 'access: frontend'));
    const report = await H.waitFor('busybox1 -> backend to be allowed on TCP 80', () => {
      const r = panelApi().lastRendered();
      return statusOf(r, B1, BACKEND) === 'partial' ? r : undefined;
    }, { show: showReport });
    // A figure for the record (edit -> server -> panel drawn), not an assertion.
    console.log(`[panel] an edit reached the drawn panel in ${Date.now() - started} ms`);
    assert.equal(statusOf(report, B2, BACKEND), 'denied');
    await H.setText(doc, original);
    await H.waitFor('the panel to show the saved text again', () => statusOf(panelApi().lastRendered(), B2, BACKEND) === 'partial', { show: showReport });
  });

  it('a click on a trace link selects that rule in the editor', async () => {
    assert.ok(await panelApi().simulate({ kind: 'clickCell', src: B2, dst: FRONTEND }), 'the click reached the webview');
    const rule = 'rule:default/default-access-frontend:ingress:0';
    await H.waitFor('the trace of busybox2 -> frontend', () => {
      const trace = panelApi().lastRendered().trace;
      return trace && trace.src === B2 && trace.links.includes(rule);
    }, { show: () => JSON.stringify(panelApi().lastRendered().trace) });
    await panelApi().simulate({ kind: 'clickTraceLink', policy: 'default/default-access-frontend', direction: 'ingress', ruleIndex: 0 });
    const policyStart = doc.getText().indexOf('name: default-access-frontend');
    const ruleStart = doc.positionAt(doc.getText().indexOf('from:', policyStart));
    const editor = await H.waitFor('the editor to select the rule', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document === doc && e.selection.start.isEqual(ruleStart) ? e : undefined;
    }, { show: () => { const e = vscode.window.activeTextEditor; return e ? `${e.document.uri.fsPath} ${JSON.stringify(e.selection)}` : 'no active editor'; } });
    const selected = editor.document.getText(editor.selection);
    assert.match(selected, /^from:\n\s+- podSelector:\n\s+matchExpressions:/);
    assert.match(selected, /port: 80\n?$/);
  });

  it('the code lens above a policy opens the panel focused on that policy', async () => {
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri);
    const ours = lenses.filter((l) => l.command && l.command.command === 'netpolLens.showReachability');
    assert.deepEqual(ours.map((l) => l.command.title), [
      'Show reachability',
      'Show reachability',
      'Show reachability',
    ]);
    const backend = ours[2];
    await vscode.commands.executeCommand(backend.command.command, ...backend.command.arguments);
    const report = await H.waitFor('the panel to focus on default-access-backend', () => {
      const r = panelApi().lastRendered();
      return r && r.focus === 'default/default-access-backend' ? r : undefined;
    }, { show: () => JSON.stringify(panelApi().lastRendered().focus) });
    assert.match(report.cells.find((c) => c.src === B2 && c.dst === BACKEND).label, /The focused policy's ingress rule 1 allows TCP 80/);
  });
});
