// Shared helpers for tests that run inside VS Code: open examples, read and await
// netpol-lens diagnostics, edit documents without saving.
//
// Why: activation and the language server are asynchronous, so every test waits for the
// state it needs by polling with a deadline (waitFor), never by sleeping a fixed time.
'use strict';
const path = require('node:path');
const vscode = require('vscode');

const EXTENSION_ID = 'netpol-lens.netpol-lens';
const SOURCE = 'netpol-lens';

/** Absolute path of a file under examples/ (the workspace folder of the test window). */
function examplePath(relative) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open (expected examples/)');
  return path.join(folder.uri.fsPath, relative);
}

/** Opens examples/<relative> in an editor and returns its TextDocument. */
async function openExample(relative) {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(examplePath(relative)));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The diagnostics netpol-lens currently publishes for `uri`. */
function lensDiagnostics(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function errorsOf(diagnostics) {
  return diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

/** One line per diagnostic, for readable assertion messages. */
function formatDiagnostics(diagnostics) {
  const sev = ['Error', 'Warning', 'Information', 'Hint'];
  return diagnostics.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ` +
    `${sev[d.severity]} ${codeOf(d)} ${d.message}`).join('\n') || '  (none)';
}

/** A diagnostic's code as a string (VS Code may wrap it as { value, target }). */
function codeOf(d) {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

/**
 * Polls `probe` until it returns a truthy value and returns that value; fails after
 * `timeoutMs` with `what` and the last value seen (`show` renders it).
 */
async function waitFor(what, probe, { timeoutMs = 15_000, intervalMs = 50, show = String } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${show(last)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Waits until `probe` has returned the same truthy key for `quietMs` in a row, i.e. the
 * state stopped changing; returns that key. Used before asserting an absence.
 */
async function waitForStable(what, probe, { quietMs = 750, timeoutMs = 15_000, show } = {}) {
  let key;
  let since = 0;
  return waitFor(`${what} (stable for ${quietMs} ms)`, () => {
    const now = probe();
    if (!now || now !== key) { key = now; since = Date.now(); return false; }
    return Date.now() - since >= quietMs ? key : false;
  }, { timeoutMs, show: show ?? (() => String(key)) });
}

/** Waits until netpol-lens reports at least one Error for `doc`; returns all its diagnostics. */
function waitForErrors(doc, timeoutMs = 15_000) {
  return waitFor(`netpol-lens errors on ${path.basename(doc.uri.fsPath)}`, () => {
    const diags = lensDiagnostics(doc.uri);
    return errorsOf(diags).length > 0 ? diags : undefined;
  }, { timeoutMs, show: () => `\n${formatDiagnostics(lensDiagnostics(doc.uri))}` });
}

/**
 * The position of `needle` in `doc` (its start, or its end with `after`), so tests name
 * places by text rather than by line numbers that shift when an example is edited.
 */
function positionOf(doc, needle, { after = false } = {}) {
  const offset = doc.getText().indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" not found in ${doc.uri.fsPath}`);
  return doc.positionAt(after ? offset + needle.length : offset);
}

/** Replaces the whole text of `doc` in memory (never saved to disk). */
async function setText(doc, text) {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${doc.uri.fsPath}`);
}

/** Throws away unsaved edits and closes every editor, so tests do not leak state. */
async function closeAll() {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

module.exports = {
  EXTENSION_ID, SOURCE, examplePath, openExample, lensDiagnostics, errorsOf, formatDiagnostics, codeOf,
  waitFor, waitForStable, waitForErrors, positionOf, setText, closeAll,
};
