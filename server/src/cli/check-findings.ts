/**
 * The findings `check` reports for a loaded workspace: each file's own findings and
 * the workspace-aware ones (selectors that match nothing, undeclared named ports),
 * the same set the server publishes, with 1-based positions for terminals.
 */
import { sortFindings, type Severity } from '../core/finding';
import { oneBased, textDocument } from '../services/positions';
import { crossFileFindings, workspaceFindings } from '../workspace/workspace-findings';
import type { LoadedWorkspace } from './load-workspace';

export interface Position1 {
  readonly line: number;
  readonly column: number;
}

export interface CheckFinding {
  /** The path as the user wrote it (or as found under a folder they named). */
  readonly file: string;
  readonly uri: string;
  readonly start: Position1;
  readonly end: Position1;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** True when `severity` is at least as severe as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

export function checkFindings(loaded: LoadedWorkspace): CheckFinding[] {
  const { workspace } = loaded;
  const out: CheckFinding[] = [];
  for (const [uri, file] of loaded.displayPaths) {
    const entry = workspace.getFile(uri);
    if (!entry) continue;
    const document = textDocument(entry.text);
    const { analysis } = entry;
    const extra = analysis.relevant ? [...workspaceFindings(analysis, workspace.index), ...crossFileFindings(uri, analysis, workspace.index)] : [];
    for (const f of sortFindings([...analysis.findings, ...extra])) {
      out.push({ file, uri, start: oneBased(document, f.span.start), end: oneBased(document, f.span.end), severity: f.severity, code: f.code, message: f.message });
    }
  }
  return out;
}
