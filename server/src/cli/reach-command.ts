/** `netpol-lens reach PATH... [--format connlist|json|md]`. Placeholder until the reachability engine lands. */
import type { CommandResult } from './command';

export function runReach(_args: readonly string[]): CommandResult {
  return { stdout: [], stderr: ['netpol-lens reach: not implemented yet'], exitCode: 2 };
}
