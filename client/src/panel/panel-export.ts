/** Saves what the panel exports (SVG, connlist, JSON) where the user picks, next to the workspace by default. */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';

const FILTERS: Record<string, Record<string, string[]>> = {
  svg: { 'SVG image': ['svg'] },
  txt: { 'connlist text': ['txt'] },
  json: { JSON: ['json'] },
};

/** A bare file name: the webview proposes it, so nothing in it may point elsewhere. */
export function safeFileName(name: string, fallback: string): string {
  const base = name.replace(/^.*[\\/]/, '').replace(/[^A-Za-z0-9._-]/g, '-');
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/.test(base) ? base : fallback;
}

export async function saveExport(name: string, text: string): Promise<vscode.Uri | undefined> {
  const uri = await askWhere(name);
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  exported(uri);
  return uri;
}

/** One piece of an export and the cursor of the next (none after the last), or why it stopped. */
export type NextPiece = (cursor: string | undefined) => Promise<{ readonly text: string; readonly cursor?: string; readonly error?: string }>;

/**
 * Saves an export the server sends in pieces (the JSON of a large workspace is gigabytes),
 * with progress and a Cancel button. A local file is written piece by piece; a file of
 * another file system (a remote workspace) gets the pieces at once at the end. A stopped
 * or failed export leaves no file behind.
 */
export async function saveExportPieces(name: string, next: NextPiece): Promise<vscode.Uri | undefined> {
  const uri = await askWhere(name);
  if (!uri) return undefined;
  const sink = uri.scheme === 'file' ? await fileSink(uri.fsPath) : memorySink(uri);
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Exporting reachability', cancellable: true }, async (progress, token) => {
    let cursor: string | undefined;
    let written = 0;
    do {
      const piece = await next(cursor);
      if (piece.error !== undefined) return piece.error;
      await sink.write(piece.text);
      written += piece.text.length;
      progress.report({ message: `${(written / 2 ** 20).toFixed(0)} MB written` });
      cursor = piece.cursor;
      if (token.isCancellationRequested) return 'cancelled';
    } while (cursor !== undefined);
    return undefined;
  });
  await sink.finish(outcome === undefined);
  if (outcome === 'cancelled') return undefined;
  if (outcome !== undefined) {
    void vscode.window.showErrorMessage(`Reachability was not exported: ${outcome}`);
    return undefined;
  }
  exported(uri);
  return uri;
}

interface Sink {
  write(text: string): Promise<void>;
  /** Closes the file; without `keep`, removes it. */
  finish(keep: boolean): Promise<void>;
}

async function fileSink(file: string): Promise<Sink> {
  const handle = await fs.open(file, 'w');
  return {
    write: async (text) => void (await handle.write(text)),
    finish: async (keep) => {
      await handle.close();
      if (!keep) await fs.rm(file, { force: true });
    },
  };
}

function memorySink(uri: vscode.Uri): Sink {
  const pieces: Uint8Array[] = [];
  const encoder = new TextEncoder();
  return {
    write: async (text) => void pieces.push(encoder.encode(text)),
    finish: async (keep) => {
      if (!keep) return;
      const whole = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of pieces) {
        whole.set(p, at);
        at += p.length;
      }
      await vscode.workspace.fs.writeFile(uri, whole);
    },
  };
}

async function askWhere(name: string): Promise<vscode.Uri | undefined> {
  const extension = name.slice(name.lastIndexOf('.') + 1);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    title: 'Export reachability',
    ...(folder && { defaultUri: vscode.Uri.joinPath(folder, name) }),
    filters: FILTERS[extension] ?? {},
  });
}

function exported(uri: vscode.Uri): void {
  vscode.window.setStatusBarMessage(`Reachability exported to ${vscode.workspace.asRelativePath(uri)}`, 5000);
}
