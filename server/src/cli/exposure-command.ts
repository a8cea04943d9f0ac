/**
 * `netpol-lens exposure PATH...`: netpol-analyzer's exposure analysis. Which
 * workloads are open to the entire cluster, to namespaces or pods chosen by labels,
 * or to addresses outside the cluster (and on which ports), in both directions; and
 * which workloads no policy protects. In txt each exposure line is followed by what
 * makes it: the rules, with their positions, or the missing policy.
 */
import { formatConnections } from '../ir/connection-set';
import type { Exposure, ExposureCause } from '../evaluate/exposure-report';
import { DIALECTS } from '../dialects/registry';
import type { SourceRef } from '../evaluate/types';
import { optionValue, type CommandSpec } from './args';
import type { Command } from './command';
import { EXIT_OK, EXIT_UNREADABLE } from './exit-codes';
import { loadWorkspace, locationIn, problemLines, whereIn } from './load-workspace';

const spec: CommandSpec = {
  name: 'exposure',
  operands: 'PATH...',
  minOperands: 1,
  summary: 'Print to which peers beyond the manifests each workload is open: the entire cluster, namespaces or pods by label, addresses outside; and what opens it.',
  options: [{ name: 'format', value: 'FORMAT', choices: ['txt', 'json', 'md'], help: 'txt (netpol-analyzer\'s exposure lines, each with its causes; default), json, md' }],
  notes: ['Kubernetes NetworkPolicies only; policies of other kinds are not analysed for exposure.', 'Exit status: 0 ok, 2 usage error, 3 a PATH could not be read.'],
};

export const exposureCommand: Command = {
  spec,
  run(args, context) {
    context.progress?.('reading manifests');
    const loaded = loadWorkspace(args.operands, context.profile);
    const engine = loaded.workspace.reach();
    context.progress?.('analysing exposure');
    const report = DIALECTS.find((d) => d.exposure)?.exposure?.(engine) ?? { exposures: [], unprotected: [], notAnalysed: engine.policies.length };
    const format = optionValue(args, 'format', 'txt');
    const where = whereIn(loaded);
    let stdout: string[];
    if (format === 'json') {
      const locate = locationIn(loaded);
      const exposures = report.exposures.map((e) => ({ workload: e.workload, direction: e.direction, peer: e.peer, conn: formatConnections(e.connections), causes: e.causes.map((c) => (c.kind === 'rule' ? { ...c, source: undefined, location: locate(c.source) } : c)) }));
      stdout = JSON.stringify({ exposures, unprotected: report.unprotected }, null, 2).split('\n');
    } else if (format === 'md') {
      stdout = ['| workload | direction | peer | conn | because |', '|----------|-----------|------|------|---------|', ...report.exposures.map((e) => `| ${e.workload} | ${e.direction} | ${e.peer} | ${formatConnections(e.connections)} | ${e.causes.map((c) => causeText(c, where, e)).join('; ')} |`)];
    } else stdout = txtLines(report.exposures, report.unprotected, where);
    const notes = report.notAnalysed > 0 ? [`netpol-lens exposure: note: ${report.notAnalysed} ${report.notAnalysed === 1 ? 'policy that is not a Kubernetes NetworkPolicy is' : 'policies that are not Kubernetes NetworkPolicies are'} not analysed for exposure`] : [];
    return { stdout, stderr: [...problemLines('exposure', loaded.problems), ...notes], exitCode: loaded.problems.length > 0 ? EXIT_UNREADABLE : EXIT_OK };
  },
};

function txtLines(exposures: readonly Exposure[], unprotected: readonly { workload: string; direction: string }[], where: (s: SourceRef) => string): string[] {
  const width = Math.max(0, ...exposures.map((e) => e.workload.length));
  const section = (direction: 'egress' | 'ingress'): string[] =>
    exposures
      .filter((e) => e.direction === direction)
      .flatMap((e) => [`${e.workload.padEnd(width)} \t${direction === 'egress' ? '=>' : '<='} \t${e.peer} : ${formatConnections(e.connections)}`, ...e.causes.map((c) => `    because ${causeText(c, where, e)}`)]);
  const lines = ['Exposure Analysis Result:', 'Egress Exposure:', ...section('egress'), '', 'Ingress Exposure:', ...section('ingress')];
  if (unprotected.length > 0) lines.push('', 'Workloads not protected by network policies:', ...unprotected.map((u) => `${u.workload} is not protected on ${u.direction === 'ingress' ? 'Ingress' : 'Egress'}`));
  return lines;
}

function causeText(cause: ExposureCause, where: (s: SourceRef) => string, e: Exposure): string {
  if (cause.kind === 'unprotected') return `no NetworkPolicy selects it for ${e.direction}`;
  return `${cause.rule} of ${cause.policy} (${where(cause.source)})`;
}
