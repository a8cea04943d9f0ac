/**
 * `netpol-lens check PATH...`: the server's diagnostics, printed for terminals and CI
 * as `file:line:col severity code message`. Exit status 1 when any error was found.
 */
import * as fs from 'node:fs';
import { analyzeText } from '../analysis/analyze-file';
import { oneBased, textDocument } from '../services/positions';
import { collectManifestFiles } from './collect-files';
import type { CommandResult } from './command';

export function runCheck(paths: readonly string[]): CommandResult {
  const { files, missing } = collectManifestFiles(paths);
  const lines: string[] = [];
  const errors = missing.map((p) => `netpol-lens: ${p}: no such file or folder`);
  let errorCount = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const document = textDocument(text);
    for (const f of analyzeText(text).findings) {
      const { line, column } = oneBased(document, f.span.start);
      lines.push(`${file}:${line}:${column} ${f.severity} ${f.code} ${f.message}`);
      if (f.severity === 'error') errorCount++;
    }
  }
  const exitCode = missing.length > 0 ? 2 : errorCount > 0 ? 1 : 0;
  return { stdout: lines, stderr: errors, exitCode };
}
