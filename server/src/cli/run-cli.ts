/** Dispatches `netpol-lens` arguments to their command. Pure: returns output, never prints or exits. */
import { helpLines, parseArgs, type ParsedArgs } from './args';
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
  const prepared = prepare(args);
  return 'result' in prepared ? prepared.result : prepared.command.run(prepared.args, context);
}

/** As runCli, for every format: what must wait (the svg layout) is awaited. cli.ts runs this. */
export async function runCliAsync(args: readonly string[], context: CliContext = {}): Promise<CommandResult> {
  const prepared = prepare(args);
  if ('result' in prepared) return prepared.result;
  const { command } = prepared;
  return command.runAsync ? command.runAsync(prepared.args, context) : command.run(prepared.args, context);
}

function prepare(args: readonly string[]): { result: CommandResult } | { command: Command; args: ParsedArgs } {
  const result = (r: CommandResult): { result: CommandResult } => ({ result: r });
  const [name, ...rest] = args;
  // Asked for, the usage is the output; missing a command, it is the complaint.
  if (name === undefined) return result({ stdout: [], stderr: usageText(), exitCode: EXIT_USAGE });
  if (name === '-h' || name === '--help' || name === 'help') return result({ stdout: usageText(), stderr: [], exitCode: EXIT_OK });
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) return result({ stdout: [], stderr: [`netpol-lens: unknown command "${name}"`, ...usageText()], exitCode: EXIT_USAGE });
  const parsed = parseArgs(command.spec, rest);
  if ('help' in parsed) return result({ stdout: helpLines(command.spec), stderr: [], exitCode: EXIT_OK });
  if ('error' in parsed) return result({ stdout: [], stderr: [`netpol-lens ${name}: ${parsed.error}`, `Run 'netpol-lens ${name} --help' for its usage.`], exitCode: EXIT_USAGE });
  return { command, args: parsed.args };
}
