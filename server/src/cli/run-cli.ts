/** Dispatches `netpol-lens` arguments to their command. Pure: returns output, never prints or exits. */
import { helpLines, parseArgs } from './args';
import { checkCommand } from './check-command';
import type { CliContext, Command, CommandResult } from './command';
import { describeCommand } from './describe-command';
import { diffCommand } from './diff-command';
import { EXIT_OK, EXIT_USAGE } from './exit-codes';
import { exposureCommand } from './exposure-command';
import { reachCommand } from './reach-command';
import { whyCommand } from './why-command';

const COMMANDS: readonly Command[] = [checkCommand, describeCommand, reachCommand, whyCommand, diffCommand, exposureCommand];

function usageText(): string[] {
  return [
    'Usage: netpol-lens <command> [options] PATH...',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(10)} ${c.spec.summary}`),
    '',
    'PATH may be a file or a folder (searched recursively for .yaml, .yml and .json files);',
    'all PATHs of one command form one workspace. `netpol-lens <command> --help` for its options.',
    '',
    'Exit status: 0 ok, 1 findings (see each command), 2 usage error, 3 an input could not be read.',
  ];
}

export function runCli(args: readonly string[], context: CliContext = {}): CommandResult {
  const [name, ...rest] = args;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    return { stdout: usageText(), stderr: [], exitCode: name === undefined ? EXIT_USAGE : EXIT_OK };
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) return { stdout: [], stderr: [`netpol-lens: unknown command "${name}"`, ...usageText()], exitCode: EXIT_USAGE };
  const parsed = parseArgs(command.spec, rest);
  if ('help' in parsed) return { stdout: helpLines(command.spec), stderr: [], exitCode: EXIT_OK };
  if ('error' in parsed) return { stdout: [], stderr: [`netpol-lens ${name}: ${parsed.error}`, `Run 'netpol-lens ${name} --help' for its usage.`], exitCode: EXIT_USAGE };
  return command.run(parsed.args, context);
}
