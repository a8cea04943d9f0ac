/**
 * `netpol-lens reach PATH... [--format connlist|json|md]`: who can reach whom.
 * connlist is netpol-analyzer's `SRC => DST : CONNS`, one line per ordered pair
 * with any allowed connection; json adds the why-traces; md is a table.
 */
import { connlistLines, jsonReport, markdownLines } from '../analysis/reach/format-connlist';
import type { CommandResult } from './command';
import { loadWorkspace, locationIn, missingErrors } from './load-workspace';

const FORMATS = ['connlist', 'json', 'md'] as const;
type Format = (typeof FORMATS)[number];

export function runReach(args: readonly string[]): CommandResult {
  const parsed = parseArgs(args);
  if ('error' in parsed) return { stdout: [], stderr: [`netpol-lens reach: ${parsed.error}`], exitCode: 2 };
  const loaded = loadWorkspace(parsed.paths);
  const engine = loaded.workspace.reach();
  const stdout = parsed.format === 'json' ? JSON.stringify(jsonReport(engine, locationIn(loaded)), null, 2).split('\n') : parsed.format === 'md' ? markdownLines(engine) : connlistLines(engine);
  const notes = engine.skippedPolicies.map((s) => `netpol-lens reach: note: ${s.ref.id} is ignored (the API server would reject it): ${s.problems.map((p) => p.message).join(' ')}`);
  // What the engine can only approximate (serviceAccounts, services, http matches) is said, not hidden.
  for (const policy of engine.calicoPolicies) for (const note of policy.notes) notes.push(`netpol-lens reach: note: ${policy.ref.id}: ${note}`);
  return { stdout, stderr: [...missingErrors('reach', loaded.missing), ...notes], exitCode: loaded.missing.length > 0 ? 2 : 0 };
}

function parseArgs(args: readonly string[]): { format: Format; paths: string[] } | { error: string } {
  let format: Format = 'connlist';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (!value || !(FORMATS as readonly string[]).includes(value)) return { error: `--format must be one of ${FORMATS.join(', ')}` };
      format = value as Format;
    } else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else paths.push(arg);
  }
  return paths.length === 0 ? { error: 'no PATH given' } : { format, paths };
}
