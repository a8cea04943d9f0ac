/**
 * `netpol-lens check PATH...`: the server's diagnostics for terminals and CI, as
 * `file:line:col severity code message` text (txt, as every command names it), JSON,
 * or SARIF for code scanning.
 *
 * All PATHs form one workspace, as the workspace folders do in the editor, so the
 * workspace-aware findings are the same as the server's.
 */
import type { Severity } from '../core/finding';
import type { CommandSpec } from './args';
import { optionValue } from './args';
import { atLeast, checkFindings, SEVERITIES, type CheckFinding } from './check-findings';
import { sarifLog } from './check-sarif';
import type { Command } from './command';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE } from './exit-codes';
import { loadWorkspace, problemLines } from './load-workspace';

const spec: CommandSpec = {
  name: 'check',
  operands: 'PATH...',
  minOperands: 1,
  summary: 'Print the problems of every policy: what the API server would reject and the classic traps.',
  options: [
    { name: 'format', value: 'FORMAT', choices: ['txt', 'text', 'json', 'sarif'], help: 'txt (file:line:col severity code message, default; text is the same), json, or sarif (SARIF 2.1.0)' },
    { name: 'min-severity', value: 'SEVERITY', choices: SEVERITIES, help: 'leave out findings below this severity (default hint: print all)' },
    { name: 'fail-on', value: 'SEVERITY', choices: ['error', 'warning'], help: 'exit 1 when a finding is at or above this severity (default error)' },
  ],
  notes: ['Exit status: 0 no finding at or above --fail-on, 1 some, 2 usage error, 3 a PATH could not be read.'],
};

export const checkCommand: Command = {
  spec,
  run(args, context) {
    context.progress?.('reading manifests');
    const loaded = loadWorkspace(args.operands, context.profile);
    context.progress?.(`checking ${loaded.displayPaths.size} files`);
    const minSeverity = optionValue(args, 'min-severity', 'hint') as Severity;
    const failOn = optionValue(args, 'fail-on', 'error') as Severity;
    const findings = checkFindings(loaded).filter((f) => atLeast(f.severity, minSeverity));
    const format = optionValue(args, 'format', 'txt');
    const stdout = format === 'json' ? jsonLines(findings) : format === 'sarif' ? JSON.stringify(sarifLog(findings), null, 2).split('\n') : findings.map(textLine);
    const failed = findings.some((f) => atLeast(f.severity, failOn));
    const exitCode = loaded.problems.length > 0 ? EXIT_UNREADABLE : failed ? EXIT_FINDINGS : EXIT_OK;
    return { stdout, stderr: problemLines('check', loaded.problems), exitCode };
  },
};

function textLine(f: CheckFinding): string {
  return `${f.file}:${f.start.line}:${f.start.column} ${f.severity} ${f.code} ${f.message}`;
}

function jsonLines(findings: readonly CheckFinding[]): string[] {
  const rows = findings.map((f) => ({ file: f.file, line: f.start.line, column: f.start.column, endLine: f.end.line, endColumn: f.end.column, severity: f.severity, code: f.code, message: f.message }));
  return JSON.stringify({ findings: rows }, null, 2).split('\n');
}
