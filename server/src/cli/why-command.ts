/**
 * `netpol-lens why SRC DST [--port P/PROTO] PATH...`: explains in plain English
 * why SRC can or cannot reach DST. SRC and DST are `ns/name[Kind]`, `ns/name`,
 * a unique workload name, an IP address, or an external range as `reach` prints it.
 * Exit status 0 when something (the port, if given) is allowed, 1 when not.
 */
import { allowsPort, isNoConnections } from '../ir/connection-set';
import { explainLines } from '../evaluate/format-why';
import { parsePortQuery } from '../evaluate/port-query';
import { findNode } from '../evaluate/find-node';
import { optionValue, type CommandSpec } from './args';
import type { Command, CommandResult } from './command';
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE } from './exit-codes';
import { loadWorkspace, problemLines, whereIn } from './load-workspace';

const spec: CommandSpec = {
  name: 'why',
  operands: 'SRC DST PATH...',
  minOperands: 3,
  summary: 'Explain why SRC can or cannot reach DST (ns/name[Kind], ns/name, a workload name, an IP address or an external range).',
  options: [{ name: 'port', value: 'PORT/PROTOCOL', help: 'ask about one port, e.g. 8080/TCP' }],
  notes: ['Exit status: 0 allowed, 1 denied, 2 usage error (or SRC/DST not found), 3 a PATH could not be read.'],
};

export const whyCommand: Command = {
  spec,
  run(args, context) {
    const portText = optionValue(args, 'port');
    const port = portText === undefined ? undefined : parsePortQuery(portText);
    if (portText !== undefined && !port) return fail(`--port needs PORT/PROTOCOL, e.g. 8080/TCP (got ${portText || 'nothing'})`);
    const [srcName, dstName, ...paths] = args.operands as [string, string, ...string[]];
    const loaded = loadWorkspace(paths, context.profile);
    if (loaded.problems.length > 0) return { stdout: [], stderr: problemLines('why', loaded.problems), exitCode: EXIT_UNREADABLE };
    const engine = loaded.workspace.reach();
    const src = findNode(engine, srcName);
    const dst = findNode(engine, dstName);
    if ('error' in src) return fail(src.error);
    if ('error' in dst) return fail(dst.error);
    const trace = engine.explain(src.node, dst.node);
    const allowed = port ? allowsPort(trace.connections, port.protocol, port.port) : !isNoConnections(trace.connections);
    return { stdout: explainLines(trace, whereIn(loaded), port), stderr: [], exitCode: allowed ? EXIT_OK : EXIT_FINDINGS };
  },
};

function fail(message: string): CommandResult {
  return { stdout: [], stderr: [`netpol-lens why: ${message}`], exitCode: EXIT_USAGE };
}
