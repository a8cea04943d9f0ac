/**
 * `netpol-lens why SRC DST [--port P/PROTO] PATH...`: explains in plain English
 * why SRC can or cannot reach DST. SRC and DST are `ns/name[Kind]`, `ns/name`,
 * a unique workload name, an IP address, or an external range as `reach` prints it.
 * Exit status 0 when something (the port, if given) is allowed, 1 when not.
 */
import { allowsPort, isNoConnections } from '../analysis/reach/connection-set';
import { explainLines } from '../analysis/reach/format-why';
import { parsePortQuery, type PortQuery } from '../analysis/reach/port-query';
import { findNode } from '../analysis/reach/find-node';
import type { CommandResult } from './command';
import { loadWorkspace, missingErrors, whereIn } from './load-workspace';

export function runWhy(args: readonly string[]): CommandResult {
  const parsed = parseArgs(args);
  if ('error' in parsed) return fail(parsed.error);
  const loaded = loadWorkspace(parsed.paths);
  if (loaded.missing.length > 0) return { stdout: [], stderr: missingErrors('why', loaded.missing), exitCode: 2 };
  const engine = loaded.workspace.reach();
  const src = findNode(engine, parsed.src);
  const dst = findNode(engine, parsed.dst);
  if ('error' in src) return fail(src.error);
  if ('error' in dst) return fail(dst.error);
  const trace = engine.explain(src.node, dst.node);
  const allowed = parsed.port ? allowsPort(trace.connections, parsed.port.protocol, parsed.port.port) : !isNoConnections(trace.connections);
  return { stdout: explainLines(trace, whereIn(loaded), parsed.port), stderr: [], exitCode: allowed ? 0 : 1 };
}

function fail(message: string): CommandResult {
  return { stdout: [], stderr: [`netpol-lens why: ${message}`], exitCode: 2 };
}

interface WhyArgs {
  readonly src: string;
  readonly dst: string;
  readonly port?: PortQuery;
  readonly paths: string[];
}

function parseArgs(args: readonly string[]): WhyArgs | { error: string } {
  const positional: string[] = [];
  let port: PortQuery | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? args[++i] : arg.slice('--port='.length);
      port = value === undefined ? undefined : parsePortQuery(value);
      if (!port) return { error: `--port needs PORT/PROTOCOL, e.g. 8080/TCP (got ${value ?? 'nothing'})` };
    } else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else positional.push(arg);
  }
  const [src, dst, ...paths] = positional;
  if (src === undefined || dst === undefined || paths.length === 0) return { error: 'usage: netpol-lens why SRC DST [--port P/PROTO] PATH...' };
  return { src, dst, ...(port && { port }), paths };
}
