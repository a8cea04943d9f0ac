/**
 * `netpol-lens reach PATH...`: who can reach whom, on which ports, in netpol-analyzer's
 * formats (txt is its connlist `SRC => DST : CONNS`), with its focus options, and
 * every pair's why-trace with `--explain`.
 */
import type { ReachEngine } from '../evaluate/reach-engine';
import { hasFlag, optionValue, type CommandSpec, type ParsedArgs } from './args';
import type { CliContext, Command, CommandResult } from './command';
import { EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE } from './exit-codes';
import { loadWorkspace, locationIn, problemLines, whereIn, type LoadedWorkspace } from './load-workspace';
import { explainAllLines } from './reach-explain';
import { focusedPairs, resolveFocus, type Focus } from './reach-focus';
import { csvLines, dotLines, jsonLines, mdLines, txtLines } from './reach-formats';
import { svgLines } from './reach-svg';

const spec: CommandSpec = {
  name: 'reach',
  operands: 'PATH...',
  minOperands: 1,
  summary: 'Print who can reach whom, on which ports: one line per ordered pair with any allowed connection.',
  options: [
    { name: 'format', value: 'FORMAT', choices: ['txt', 'connlist', 'json', 'md', 'csv', 'dot', 'svg'], help: 'txt (SRC => DST : CONNS, default; connlist is the same), json (with why-traces), md, csv, dot, svg (the panel\'s graph)' },
    { name: 'focus-workload', value: 'WORKLOAD', repeatable: true, help: 'only pairs this workload is one end of (ns/name[Kind], ns/name or a unique name)' },
    { name: 'focus-peer', value: 'PEER', help: 'with --focus-workload: only pairs whose other end is PEER (a workload or an IP address)' },
    { name: 'focus-direction', value: 'DIRECTION', choices: ['ingress', 'egress'], help: 'with --focus-workload: only traffic into (ingress) or out of (egress) it' },
    { name: 'focus-conn', value: 'PROTOCOL-PORT', help: 'only pairs that allow this connection, e.g. tcp-80, and only it' },
    { name: 'explain', help: 'print the why-trace of every pair in focus (txt only)' },
    { name: 'explain-only', value: 'KIND', choices: ['allow', 'deny'], help: 'with --explain: only allowed or only denied pairs' },
  ],
  notes: ['Exit status: 0 ok, 2 usage error, 3 a PATH could not be read.'],
};

export const reachCommand: Command = {
  spec,
  run(args, context) {
    const prepared = prepare(args, context);
    if ('result' in prepared) return prepared.result;
    if (prepared.format === 'svg') return usage('--format svg is laid out asynchronously: run it through runCliAsync');
    return finish(prepared, [...render(prepared)]);
  },
  async runAsync(args, context) {
    const prepared = prepare(args, context);
    if ('result' in prepared) return prepared.result;
    // The lines are rendered as the binary writes them: millions of pairs are never held at once.
    if (prepared.format !== 'svg') return finish(prepared, render(prepared));
    context.progress?.('laying out the graph');
    return finish(prepared, await svgLines([...focusedPairs(prepared.engine, prepared.focus)]));
  },
};

interface Prepared {
  readonly format: string;
  readonly loaded: LoadedWorkspace;
  readonly engine: ReachEngine;
  readonly focus: Focus;
  readonly explain: boolean;
  readonly only: 'allow' | 'deny' | undefined;
  readonly progress: CliContext['progress'];
}

function prepare(args: ParsedArgs, context: CliContext): Prepared | { result: CommandResult } {
  const format = optionValue(args, 'format', 'txt');
  const explain = hasFlag(args, 'explain');
  const only = optionValue(args, 'explain-only') as 'allow' | 'deny' | undefined;
  if (only && !explain) return { result: usage('--explain-only needs --explain') };
  if (explain && format !== 'txt' && format !== 'connlist') return { result: usage("--explain prints text; --format json already holds every allowed pair's trace") };
  context.progress?.('reading manifests');
  const loaded = loadWorkspace(args.operands, context.profile);
  context.progress?.(`computing reachability of ${loaded.displayPaths.size} files`);
  const engine = loaded.workspace.reach();
  const focus = resolveFocus(engine, { workloads: args.values.get('focus-workload') ?? [], peer: optionValue(args, 'focus-peer'), direction: optionValue(args, 'focus-direction'), conn: optionValue(args, 'focus-conn') });
  if ('error' in focus) return { result: usage(focus.error) };
  return { format, loaded, engine, focus, explain, only, progress: context.progress };
}

/** The lines of stdout: txt, md, csv and json come as their pairs are found; dot is a whole document. */
function render(p: Prepared): Iterable<string> {
  if (p.explain) return explainAllLines(p.engine, p.focus, p.only, whereIn(p.loaded), p.progress);
  const pairs = focusedPairs(p.engine, p.focus);
  switch (p.format) {
    case 'json':
      return jsonLines(p.engine, pairs, locationIn(p.loaded));
    case 'md':
      return mdLines(pairs);
    case 'csv':
      return csvLines(pairs);
    case 'dot':
      return dotLines([...pairs]);
    default:
      return txtLines(pairs);
  }
}

function finish<Lines extends Iterable<string>>({ engine, loaded }: Prepared, stdout: Lines): { stdout: Lines; stderr: string[]; exitCode: number } {
  const notes = engine.skippedPolicies.map((s) => `netpol-lens reach: note: ${s.ref.id} is ignored (the API server would reject it): ${s.problems.map((p) => p.message).join(' ')}`);
  // What the engine can only approximate (serviceAccounts, services, http matches) is said, not hidden.
  for (const policy of engine.policies) for (const note of policy.notes) notes.push(`netpol-lens reach: note: ${policy.ref.id}: ${note}`);
  return { stdout, stderr: [...problemLines('reach', loaded.problems), ...notes], exitCode: loaded.problems.length > 0 ? EXIT_UNREADABLE : EXIT_OK };
}

function usage(message: string): CommandResult {
  return { stdout: [], stderr: [`netpol-lens reach: ${message}`], exitCode: EXIT_USAGE };
}
