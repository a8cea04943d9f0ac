/**
 * The commands behind the Getting Started walkthrough's buttons: open the examples,
 * show the hover of a peer pair that means OR, and offer the Allow DNS egress fix.
 * The places are found by the diagnostics the server publishes (their codes), never
 * by line numbers, so the steps keep working when the examples change.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';

export const OPEN_EXAMPLES_COMMAND = 'netpolLens.openExamples';
export const SHOW_OR_HOVER_COMMAND = 'netpolLens.walkthrough.hoverOr';
export const SHOW_DNS_FIX_COMMAND = 'netpolLens.walkthrough.allowDns';

/** The example file with the deliberate mistakes, relative to the examples folder. */
const MISTAKES = 'mistakes/broken-policies.yaml';
const TUTORIAL = 'tutorial/policies.yaml';
const DIAGNOSTICS_WAIT_MS = 15_000;

export function registerWalkthroughCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_EXAMPLES_COMMAND, () => openExamples(context)),
    vscode.commands.registerCommand(SHOW_OR_HOVER_COMMAND, () => showAtFinding(context, 'netpol/separate-peers', 'editor.action.showHover', firstPeer)),
    vscode.commands.registerCommand(SHOW_DNS_FIX_COMMAND, () => showAtFinding(context, 'netpol/egress-without-dns', 'editor.action.quickFix', (_, d) => d.range.start)),
  );
}

/** The examples folder open in this window, if one is. */
function openExamplesFolder(): vscode.Uri | undefined {
  return vscode.workspace.workspaceFolders?.map((f) => f.uri).find((uri) => uri.scheme === 'file' && fs.existsSync(vscode.Uri.joinPath(uri, MISTAKES).fsPath));
}

/**
 * A copy of the examples the user may edit (applying a fix changes the file), in the
 * extension's storage: the installed extension's own folder is not the user's to edit.
 */
function examplesCopy(context: vscode.ExtensionContext): vscode.Uri {
  const copy = vscode.Uri.joinPath(context.globalStorageUri, 'examples');
  if (!fs.existsSync(copy.fsPath)) fs.cpSync(context.asAbsolutePath('examples'), copy.fsPath, { recursive: true });
  return copy;
}

/** Opens the examples as the window's folder (the workspace the panel reads), or its tutorial when they already are. */
async function openExamples(context: vscode.ExtensionContext): Promise<void> {
  const open = openExamplesFolder();
  if (open) {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(open, TUTORIAL), { preview: false });
    return;
  }
  await vscode.commands.executeCommand('vscode.openFolder', examplesCopy(context), { forceNewWindow: false });
}

/** Opens the mistakes example, puts the cursor at `place` of the first finding with `code`, and runs `action` there. */
async function showAtFinding(context: vscode.ExtensionContext, code: string, action: string, place: (document: vscode.TextDocument, finding: vscode.Diagnostic) => vscode.Position): Promise<void> {
  const uri = vscode.Uri.joinPath(openExamplesFolder() ?? examplesCopy(context), MISTAKES);
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  const finding = await findingWithCode(uri, code);
  if (!finding) {
    void vscode.window.showInformationMessage(`NetworkPolicy Lens: no ${code} finding in ${MISTAKES} (has the example been fixed already?).`);
    return;
  }
  const at = place(editor.document, finding);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(finding.range, vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand(action);
}

/**
 * The OR finding sits on the second of the two peers, whose own hover explains that peer
 * alone; the hover on the first peer's dash (the list item above, at the same column)
 * spells out EITHER … OR.
 */
function firstPeer(document: vscode.TextDocument, finding: vscode.Diagnostic): vscode.Position {
  const dash = finding.range.start.character - 2;
  for (let line = finding.range.start.line - 1; line >= 0 && dash >= 0; line--) {
    const text = document.lineAt(line).text;
    const indent = text.slice(0, dash + 1);
    if (indent.trim() === '-' && indent.startsWith(' '.repeat(dash))) return new vscode.Position(line, dash);
    // Deeper lines belong to the first peer; anything at or left of the dash ends the list.
    if (indent.trim() !== '') break;
  }
  return finding.range.start;
}

/** The server's diagnostic with `code` on `uri`, waiting for the first publish after opening. */
function findingWithCode(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic | undefined> {
  const find = (): vscode.Diagnostic | undefined => vscode.languages.getDiagnostics(uri).find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === code);
  const now = find();
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (found: vscode.Diagnostic | undefined): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve(found);
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      const found = e.uris.some((u) => u.toString() === uri.toString()) ? find() : undefined;
      if (found) done(found);
    });
    const timer = setTimeout(() => done(undefined), DIAGNOSTICS_WAIT_MS);
  });
}
