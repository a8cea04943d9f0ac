/** What a CLI command is and produces; printing and exiting happen only in cli.ts, so commands stay testable. */
import type { ClusterProfile } from '../analysis/profile/cluster-profile';
import type { CommandSpec, ParsedArgs } from './args';

export interface CommandResult {
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
  readonly exitCode: number;
}

/**
 * A result whose stdout is produced as it is read: what the binary prints (runCliAsync).
 * A command with a large answer (`reach`'s connlist) renders it line by line, so the
 * lines are written out in chunks and never held all at once.
 */
export interface StreamedResult {
  readonly stdout: Iterable<string>;
  readonly stderr: readonly string[];
  readonly exitCode: number;
}

export interface CliContext {
  /** Called with short status lines during long runs; cli.ts passes it only when stderr is a terminal. */
  readonly progress?: (message: string) => void;
  /** Where git runs for `diff --git`; the process's folder when absent. */
  readonly cwd?: string;
  /** The cluster the workspace is judged for (run-cli.ts resolves it from the profile options). */
  readonly profile?: ClusterProfile;
}

export interface Command {
  readonly spec: CommandSpec;
  run(args: ParsedArgs, context: CliContext): CommandResult;
  /**
   * For what needs to wait (the svg layout) or is best printed as it is rendered; the
   * binary runs commands through this when present. Its stdout is read once, in order.
   */
  runAsync?(args: ParsedArgs, context: CliContext): Promise<StreamedResult>;
}
