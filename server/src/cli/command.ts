/** What a CLI command produces; printing and exiting happen only in cli.ts, so commands stay testable. */
export interface CommandResult {
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
  readonly exitCode: number;
}
