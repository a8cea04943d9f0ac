/** Dispatches `netpol-lens` arguments to their command. Pure: returns output, never prints or exits. */
import { runCheck } from './check-command';
import type { CommandResult } from './command';
import { runDescribe } from './describe-command';
import { runReach } from './reach-command';
import { runWhy } from './why-command';

interface CommandEntry {
  readonly usage: string;
  readonly run: (args: readonly string[]) => CommandResult;
}

const COMMANDS: Record<string, CommandEntry> = {
  check: { usage: 'check PATH...               print problems as file:line:col severity code message; exit 1 on errors', run: runCheck },
  describe: { usage: 'describe PATH...            print every NetworkPolicy as `kubectl describe networkpolicy` does', run: runDescribe },
  reach: { usage: 'reach [--format connlist|json|md] PATH...   print who can reach whom, on which ports', run: runReach },
  why: { usage: 'why SRC DST [--port P/PROTO] PATH...       explain why SRC can or cannot reach DST', run: runWhy },
};

function usageText(): string[] {
  return [
    'Usage: netpol-lens <command> [options] PATH...',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
    '',
    'PATH may be a file or a folder (searched recursively for .yaml, .yml and .json files).',
  ];
}

export function runCli(args: readonly string[]): CommandResult {
  const [name, ...rest] = args;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    return { stdout: usageText(), stderr: [], exitCode: name === undefined ? 2 : 0 };
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return { stdout: [], stderr: [`netpol-lens: unknown command "${name}"`, ...usageText()], exitCode: 2 };
  if (rest.length === 0) return { stdout: [], stderr: [`netpol-lens ${name}: no PATH given`, ...usageText()], exitCode: 2 };
  return command.run(rest);
}
