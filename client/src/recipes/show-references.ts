/**
 * netpolLens.showReferences: what the navigation code lenses run. VS Code's own
 * `editor.action.showReferences` needs Uri, Position and Location objects, which
 * JSON from the server cannot carry, so this converts and passes them on.
 */
import * as vscode from 'vscode';
import type { SourceLocation, TextPosition } from '../../../server/src/protocol';

export async function showReferences(...args: unknown[]): Promise<void> {
  const [uri, position, locations] = args;
  if (typeof uri !== 'string' || !isPosition(position) || !Array.isArray(locations)) return;
  const targets = locations.filter(isLocation).map((l) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range)));
  await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), toPosition(position), targets);
}

function isPosition(value: unknown): value is TextPosition {
  const p = value as Partial<TextPosition> | null | undefined;
  return typeof p === 'object' && p !== null && typeof p.line === 'number' && typeof p.character === 'number';
}

function isLocation(value: unknown): value is SourceLocation {
  const l = value as Partial<SourceLocation> | null | undefined;
  return typeof l === 'object' && l !== null && typeof l.uri === 'string' && isPosition(l.range?.start) && isPosition(l.range?.end);
}

function toPosition(p: TextPosition): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

function toRange(r: SourceLocation['range']): vscode.Range {
  return new vscode.Range(toPosition(r.start), toPosition(r.end));
}
