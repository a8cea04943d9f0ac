/**
 * The context key `netpolLens.editorHasPolicy`: true while the active editor
 * shows a YAML document that declares `kind: NetworkPolicy`, so the editor title
 * shows the "Show Reachability" button only there. A text check is enough for a
 * button; the server decides what the document really holds.
 */
import * as vscode from 'vscode';

export const POLICY_CONTEXT_KEY = 'netpolLens.editorHasPolicy';
const POLICY_KIND = /^\s*(?:-\s+)?["']?kind["']?\s*:\s*["']?NetworkPolicy\b/m;

export function hasPolicyText(document: vscode.TextDocument): boolean {
  return document.languageId === 'yaml' && POLICY_KIND.test(document.getText());
}

export function trackPolicyContext(): vscode.Disposable {
  let current: boolean | undefined;
  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const value = document !== undefined && hasPolicyText(document);
    if (value === current) return;
    current = value;
    void vscode.commands.executeCommand('setContext', POLICY_CONTEXT_KEY, value);
  };
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && update()),
  );
}
