/**
 * `netpol-lens describe PATH...`: every NetworkPolicy found, as `kubectl describe
 * networkpolicy` prints it, one blank line between policies. Exit status 3 when a path
 * could not be read, 0 otherwise, also when no policy was found (kubectl's "No
 * resources found" is not an error either).
 */
import { analyzeText } from '../analysis/analyze-file';
import { DIALECTS } from '../dialects/registry';
import type { CommandSpec } from './args';
import { readManifests } from './collect-files';
import type { Command } from './command';
import { EXIT_OK, EXIT_UNREADABLE } from './exit-codes';
import { problemLines } from './load-workspace';

const spec: CommandSpec = {
  name: 'describe',
  operands: 'PATH...',
  minOperands: 1,
  summary: 'Print every NetworkPolicy as `kubectl describe networkpolicy` does.',
  options: [],
  notes: ['Exit status: 0 ok (also when no policy was found), 2 usage error, 3 a PATH could not be read.'],
};

export const describeCommand: Command = {
  spec,
  run(args, context) {
    const { manifests, problems } = readManifests(args.operands);
    const profile = context.profile;
    const errors = problemLines('describe', problems);
    const options = { ...(profile && { kubectlVersion: profile.kubernetesVersion }) };
    const pages = manifests.flatMap((m) => {
      const analysis = analyzeText(m.text, undefined, profile);
      return DIALECTS.flatMap((dialect) => (dialect.describe ? dialect.readingOf(analysis).map((policy) => dialect.describe!(policy, options)) : []));
    });
    const exitCode = errors.length > 0 ? EXIT_UNREADABLE : EXIT_OK;
    if (pages.length === 0) {
      // An unreadable path already explains the empty output; otherwise say that nothing matched.
      return { stdout: [], stderr: errors.length > 0 ? errors : ['netpol-lens describe: no NetworkPolicy found'], exitCode };
    }
    // Pages end with a newline; the blank line between them is that newline plus the join.
    // The last page's newline is dropped because cli.ts ends the output with one.
    const stdout = pages.join('\n').slice(0, -1).split('\n');
    return { stdout, stderr: errors, exitCode };
  },
};
