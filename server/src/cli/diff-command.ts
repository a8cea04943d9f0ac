/**
 * `netpol-lens diff OLD NEW` or `netpol-lens diff --git REV[..REV] [PATH...]`: the
 * connections added, removed and changed between two versions of a workspace, as
 * netpol-analyzer's diff prints them. OLD and NEW are files or folders; with --git
 * each side is the tree of a commit (read without a checkout), or, for a single
 * REV, that commit against the files on disk, limited to PATHs when given.
 */
import * as path from 'node:path';
import { diffRows } from '../workspace/reach-diff';
import { hasFlag, optionValue, type CommandSpec, type ParsedArgs } from './args';
import type { CliContext, Command, CommandResult } from './command';
import { diffCsvLines, diffJsonLines, diffMdLines, diffTxtLines } from './diff-formats';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE } from './exit-codes';
import { parseRevisions, readTree } from './git-tree';
import { loadWorkspace, problemLines, workspaceOf, type LoadedWorkspace } from './load-workspace';

const spec: CommandSpec = {
  name: 'diff',
  operands: 'OLD NEW | --git REV[..REV] [PATH...]',
  minOperands: 0,
  summary: 'Print the connections added, removed and changed between two versions of the policies and workloads.',
  options: [
    { name: 'git', value: 'REV[..REV]', help: 'compare commits (A..B, or A...B from their merge base), or one commit with the files on disk' },
    { name: 'format', value: 'FORMAT', choices: ['txt', 'csv', 'md', 'json'], help: 'txt (netpol-analyzer\'s diff text, default), csv, md, json' },
    { name: 'exit-code', help: 'exit 1 when the two versions differ' },
  ],
  notes: ['Exit status: 0 ok (1 with --exit-code when anything changed), 2 usage error, 3 a PATH or revision could not be read.'],
};

export const diffCommand: Command = {
  spec,
  run(args, context) {
    const sides = loadSides(args, context);
    if ('usage' in sides) return { stdout: [], stderr: [`netpol-lens diff: ${sides.usage}`], exitCode: EXIT_USAGE };
    if ('error' in sides) return { stdout: [], stderr: [`netpol-lens diff: ${sides.error}`], exitCode: EXIT_UNREADABLE };
    context.progress?.('computing reachability of both versions');
    const rows = diffRows(sides.before.workspace.reach(), sides.after.workspace.reach());
    const format = optionValue(args, 'format', 'txt');
    const stdout = format === 'csv' ? diffCsvLines(rows) : format === 'md' ? diffMdLines(rows) : format === 'json' ? diffJsonLines(rows, sides.names[0], sides.names[1]) : diffTxtLines(rows);
    const problems = [...sides.before.problems, ...sides.after.problems];
    const exitCode = problems.length > 0 ? EXIT_UNREADABLE : hasFlag(args, 'exit-code') && rows.length > 0 ? EXIT_FINDINGS : EXIT_OK;
    return { stdout, stderr: problemLines('diff', problems), exitCode } satisfies CommandResult;
  },
};

type Sides = { before: LoadedWorkspace; after: LoadedWorkspace; names: [string, string] } | { usage: string } | { error: string };

function loadSides(args: ParsedArgs, context: CliContext): Sides {
  const revisions = optionValue(args, 'git');
  context.progress?.('reading both versions');
  if (revisions === undefined) {
    if (args.operands.length !== 2) return { usage: 'expected OLD NEW (two files or folders), or --git REV[..REV]' };
    const [old, now] = args.operands as [string, string];
    return { before: loadWorkspace([old], context.profile), after: loadWorkspace([now], context.profile), names: [old, now] };
  }
  const cwd = context.cwd ?? process.cwd();
  const pair = parseRevisions(revisions, cwd);
  if ('error' in pair) return pair;
  const before = readTree(pair.before, args.operands, cwd);
  if ('error' in before) return before;
  if (pair.after === undefined) return { before: workspaceOf(before.manifests, [], undefined, context.profile), after: loadWorkspace((args.operands.length > 0 ? args.operands : ['.']).map((p) => path.resolve(cwd, p)), context.profile), names: [pair.before, 'working tree'] };
  const after = readTree(pair.after, args.operands, cwd);
  if ('error' in after) return after;
  return { before: workspaceOf(before.manifests, [], undefined, context.profile), after: workspaceOf(after.manifests, [], undefined, context.profile), names: [pair.before, pair.after] };
}
