/** Expands CLI path arguments into manifest files: folders recursively, in a stable order. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface CollectResult {
  readonly files: string[];
  readonly missing: string[];
}

export function collectManifestFiles(paths: readonly string[]): CollectResult {
  const files: string[] = [];
  const missing: string[] = [];
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      missing.push(given);
      continue;
    }
    if (stat.isDirectory()) walk(given, files);
    else files.push(given);
  }
  return { files, missing };
}

function walk(folder: string, out: string[]): void {
  const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, out);
    } else if (entry.isFile() && MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      out.push(full);
    }
  }
}
