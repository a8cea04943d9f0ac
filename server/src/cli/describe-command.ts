/** `netpol-lens describe PATH...`. Placeholder until the describe renderer lands. */
import type { CommandResult } from './command';

export function runDescribe(_paths: readonly string[]): CommandResult {
  return { stdout: [], stderr: ['netpol-lens describe: not implemented yet'], exitCode: 2 };
}
