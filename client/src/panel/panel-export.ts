/** Saves what the panel exports (SVG, connlist, JSON) where the user picks, next to the workspace by default. */
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
  const extension = name.slice(name.lastIndexOf('.') + 1);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await vscode.window.showSaveDialog({
    title: 'Export reachability',
    ...(folder && { defaultUri: vscode.Uri.joinPath(folder, name) }),
    filters: FILTERS[extension] ?? {},
  });
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  vscode.window.setStatusBarMessage(`Reachability exported to ${vscode.workspace.asRelativePath(uri)}`, 5000);
  return uri;
}
