/**
 * `netpol-lens describe PATH...`: every NetworkPolicy found, as `kubectl describe
 * networkpolicy` prints it, one blank line between policies. Exit status 2 when a path
 * does not exist or a file cannot be read (as `check` does), 0 otherwise, also when no
 * policy was found (kubectl's "No resources found" is not an error either).
 */
import * as fs from 'node:fs';
import { analyzeText } from '../analysis/analyze-file';
import { describeNetworkPolicy } from '../analysis/describe/describe-policy';
import { collectManifestFiles } from './collect-files';
import type { CommandResult } from './command';

export function runDescribe(paths: readonly string[]): CommandResult {
  const { files, missing } = collectManifestFiles(paths);
  const errors = missing.map((p) => `netpol-lens: ${p}: no such file or folder`);
  const pages: string[] = [];
  for (const file of files) {
    const text = readText(file);
    if (text === undefined) errors.push(`netpol-lens: ${file}: cannot be read`);
    else pages.push(...analyzeText(text).policies.map((policy) => describeNetworkPolicy(policy)));
  }
  const exitCode = errors.length > 0 ? 2 : 0;
  if (pages.length === 0) {
    // A missing path already explains the empty output; otherwise say that nothing matched.
    return { stdout: [], stderr: errors.length > 0 ? errors : ['netpol-lens describe: no NetworkPolicy found'], exitCode };
  }
  // Pages end with a newline; the blank line between them is that newline plus the join.
  // The last page's newline is dropped because cli.ts ends the output with one.
  const stdout = pages.join('\n').slice(0, -1).split('\n');
  return { stdout, stderr: errors, exitCode };
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
