/**
 * The panel's links into the editor: revealing a YAML range the server pointed
 * at, and following the cursor of the last manifest editor (the panel has focus
 * while the user clicks in it, so "the cursor" is the last one seen in YAML).
 */
import * as vscode from 'vscode';
import type { SourceLocation } from '../../../server/src/protocol';
import type { CursorTarget } from './panel-session';

const MANIFEST_LANGUAGES = new Set(['yaml', 'json']);

function isManifestEditor(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return editor !== undefined && editor.document.uri.scheme === 'file' && MANIFEST_LANGUAGES.has(editor.document.languageId);
}

export class CursorTracker implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CursorTarget>();
  readonly onDidMove = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];
  private last: CursorTarget | undefined;
  private column: vscode.ViewColumn | undefined;

  constructor() {
    this.note(vscode.window.activeTextEditor, false);
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((editor) => this.note(editor, true)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.note(event.textEditor, true)),
    ];
  }

  get target(): CursorTarget | undefined {
    return this.last;
  }

  /** The column of the last manifest editor: where revealed ranges open. */
  get viewColumn(): vscode.ViewColumn | undefined {
    return this.column;
  }

  /** A code lens names a policy explicitly: it becomes the cursor to follow. */
  set(target: CursorTarget): void {
    this.last = target;
    this.emitter.fire(target);
  }

  private note(editor: vscode.TextEditor | undefined, fire: boolean): void {
    if (!isManifestEditor(editor)) return;
    const { line, character } = editor.selection.active;
    this.last = { uri: editor.document.uri.toString(), position: { line, character } };
    this.column = editor.viewColumn;
    if (fire) this.emitter.fire(this.last);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.emitter.dispose();
  }
}

/** Opens the file and selects exactly the range, in the column the user edits in. */
export async function revealLocation(location: SourceLocation, column: vscode.ViewColumn | undefined): Promise<vscode.TextEditor> {
  const { start, end } = location.range;
  const selection = new vscode.Selection(start.line, start.character, end.line, end.character);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: column ?? vscode.ViewColumn.One, selection, preserveFocus: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
