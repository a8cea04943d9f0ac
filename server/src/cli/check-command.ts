/**
 * `netpol-lens check PATH...`: the server's diagnostics, printed for terminals and CI
 * as `file:line:col severity code message`. Exit status 1 when any error was found.
 *
 * All PATHs form one workspace, as the workspace folders do in the editor, so the
 * workspace-aware findings (selectors that match nothing, undeclared named ports)
 * are the same as the server's.
 */
import { sortFindings } from '../analysis/finding';
import { oneBased, textDocument } from '../services/positions';
import { calicoWorkspaceFindings } from '../workspace/calico-order';
import { workspaceFindings } from '../workspace/workspace-findings';
import type { CommandResult } from './command';
import { loadWorkspace } from './load-workspace';

export function runCheck(paths: readonly string[]): CommandResult {
  const loaded = loadWorkspace(paths);
  const { workspace } = loaded;
  const lines: string[] = [];
  const errors = loaded.missing.map((p) => `netpol-lens: ${p}: no such file or folder`);
  let errorCount = 0;
  for (const [uri, file] of loaded.displayPaths) {
    const entry = workspace.getFile(uri);
    if (!entry) continue;
    const document = textDocument(entry.text);
    const { analysis } = entry;
    const extra = analysis.relevant ? [...workspaceFindings(analysis, workspace.index), ...calicoWorkspaceFindings(uri, analysis, workspace.index)] : [];
    for (const f of sortFindings([...analysis.findings, ...extra])) {
      const { line, column } = oneBased(document, f.span.start);
      lines.push(`${file}:${line}:${column} ${f.severity} ${f.code} ${f.message}`);
      if (f.severity === 'error') errorCount++;
    }
  }
  const exitCode = loaded.missing.length > 0 ? 2 : errorCount > 0 ? 1 : 0;
  return { stdout: lines, stderr: errors, exitCode };
}
