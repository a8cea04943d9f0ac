/** Dispatches `netpol-lens` arguments to their command. Pure: returns output, never prints or exits. */
import type { ClusterProfile } from '../analysis/profile/cluster-profile';
import { helpLines, parseArgs, type ParsedArgs } from './args';
import { checkCommand } from './check-command';
import type { CliContext, Command, CommandResult, StreamedResult } from './command';
import { describeCommand } from './describe-command';
import { diffCommand } from './diff-command';
import { EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE } from './exit-codes';
import { exposureCommand } from './exposure-command';
import { resolveProfile, withProfileOptions } from './profile-options';
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
  if ('result' in prepared) return prepared.result;
  return withNotes(prepared.notes, prepared.command.run(prepared.args, { ...context, profile: prepared.profile }));
}

/**
 * As runCli, for every format: what must wait (the svg layout) is awaited, and a large
 * stdout comes as lines rendered while they are read (cli.ts writes them as they come).
 */
export async function runCliAsync(args: readonly string[], context: CliContext = {}): Promise<StreamedResult> {
  const prepared = prepare(args);
  if ('result' in prepared) return prepared.result;
  const { command } = prepared;
  const withProfile = { ...context, profile: prepared.profile };
  return withNotes(prepared.notes, await (command.runAsync ? command.runAsync(prepared.args, withProfile) : command.run(prepared.args, withProfile)));
}

/** What the profile file said comes first on stderr. */
function withNotes<R extends StreamedResult>(notes: readonly string[], result: R): R {
  return notes.length === 0 ? result : { ...result, stderr: [...notes, ...result.stderr] };
}

interface Prepared {
  readonly command: Command;
  readonly args: ParsedArgs;
  readonly profile: ClusterProfile;
  readonly notes: readonly string[];
}

function prepare(args: readonly string[]): { result: CommandResult } | Prepared {
  const result = (r: CommandResult): { result: CommandResult } => ({ result: r });
  const [name, ...rest] = args;
  // Asked for, the usage is the output; missing a command, it is the complaint.
  if (name === undefined) return result({ stdout: [], stderr: usageText(), exitCode: EXIT_USAGE });
  if (name === '-h' || name === '--help' || name === 'help') return result({ stdout: usageText(), stderr: [], exitCode: EXIT_OK });
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) return result({ stdout: [], stderr: [`netpol-lens: unknown command "${name}"`, ...usageText()], exitCode: EXIT_USAGE });
  const spec = withProfileOptions(command.spec);
  const parsed = parseArgs(spec, rest);
  const usage = (error: string): { result: CommandResult } => result({ stdout: [], stderr: [`netpol-lens ${name}: ${error}`, `Run 'netpol-lens ${name} --help' for its usage.`], exitCode: EXIT_USAGE });
  if ('help' in parsed) return result({ stdout: helpLines(spec), stderr: [], exitCode: EXIT_OK });
  if ('error' in parsed) return usage(parsed.error);
  const profile = resolveProfile(parsed.args);
  if ('usage' in profile) return usage(profile.usage);
  if ('unreadable' in profile) return result({ stdout: [], stderr: [`netpol-lens ${name}: ${profile.unreadable}`], exitCode: EXIT_UNREADABLE });
  return { command, args: parsed.args, profile: profile.profile, notes: profile.notes };
}
