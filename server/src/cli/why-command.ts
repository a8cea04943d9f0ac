/** `netpol-lens why SRC DST [--port P/PROTO] PATH...`. Placeholder until the reachability engine lands. */
import type { CommandResult } from './command';

export function runWhy(_args: readonly string[]): CommandResult {
  return { stdout: [], stderr: ['netpol-lens why: not implemented yet'], exitCode: 2 };
}
