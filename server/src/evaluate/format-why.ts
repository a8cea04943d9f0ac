/** A why-trace in plain English, for `netpol-lens why` and hovers. */
import { allowsPort } from '../ir/connection-set';
import { SELF_ALWAYS } from './self-traffic';
import type { PairTrace, RuleContribution, SideTrace } from './trace-types';
import type { PortQuery } from './port-query';
import type { PolicyRef, SourceRef } from './types';

/** How a source position is printed, e.g. `policies.yaml:14:3`. */
export type Where = (source: SourceRef) => string;

export function explainLines(trace: PairTrace, where: Where, port?: PortQuery): string[] {
  const lines = [`${trace.src} => ${trace.dst}`];
  if (trace.self === 'one-pod') {
    // A bare Pod is one pod: its traffic to itself is all there is, and no policy decides it.
    lines.push(`Result: allowed: ${trace.allowed} (a pod's traffic to itself)`);
    if (port) lines.push(`Port ${port.protocol}/${port.port}: allowed.`);
    lines.push('', SELF_ALWAYS, `${trace.src} is a single pod, so no policy decides anything here.`);
    return lines;
  }
  if (trace.self === 'replicas') lines.push(SELF_ALWAYS, `What follows is between two different pods of ${trace.src}, which its policies decide as for any two pods.`);
  lines.push(trace.allowed === 'No Connections' ? 'Result: denied, no connection is allowed.' : `Result: allowed: ${trace.allowed}`);
  if (port) lines.push(portLine(trace, port));
  lines.push('', ...sideLines(trace.egress, where), '', ...sideLines(trace.ingress, where));
  return lines;
}

function portLine(trace: PairTrace, port: PortQuery): string {
  const text = `${port.protocol}/${port.port}`;
  if (allowsPort(trace.connections, port.protocol, port.port)) return `Port ${text}: allowed.`;
  const egress = allowsPort(trace.egress.allowedSet, port.protocol, port.port);
  const ingress = allowsPort(trace.ingress.allowedSet, port.protocol, port.port);
  const blame = egress ? 'ingress does not allow it' : ingress ? 'egress does not allow it' : 'neither egress nor ingress allows it';
  return `Port ${text}: denied, ${blame}.`;
}

function sideLines(side: SideTrace, where: Where): string[] {
  const title = side.direction === 'egress' ? `Egress from ${side.subject}:` : `Ingress to ${side.subject}:`;
  const lines = [title];
  if (side.status === 'external') {
    lines.push(`  Outside the cluster: NetworkPolicies do not restrict its ${side.direction === 'egress' ? 'outgoing' : 'incoming'} traffic.`);
    return lines;
  }
  const way = side.direction === 'egress' ? 'egress' : 'ingress';
  if (side.ordered) {
    lines.push(...orderedLines(side, where));
  } else if (side.status === 'not-isolated') {
    lines.push(`  Not isolated: no NetworkPolicy in namespace ${side.namespace} selects it for ${way}, so all connections are allowed.`);
  } else {
    const count = side.isolatedBy.length;
    lines.push(`  Isolated for ${way} by ${count} ${count === 1 ? 'policy' : 'policies'} that ${count === 1 ? 'selects' : 'select'} it:`);
    for (const policy of side.isolatedBy) lines.push(`    - ${policyText(policy, where)}`);
    if (side.allowedBy.length === 0) {
      lines.push(`  No rule of these policies matches the ${side.direction === 'egress' ? 'destination' : 'source'}, so nothing is allowed.`);
      if (side.nearMiss) lines.push(`  Near miss: ${side.nearMiss}`);
    } else {
      lines.push('  Rules that match:');
      for (const c of side.allowedBy) lines.push(`    - ${contributionText(c, where)}`);
    }
    lines.push(`  ${way === 'egress' ? 'Egress' : 'Ingress'} allows: ${side.allowed}`);
  }
  for (const s of side.skipped) lines.push(`  Note: ${policyText(s.policy, where)} is ignored, the API server would reject it: ${s.problems.map((p) => p.message).join(' ')}`);
  if (side.assumption) lines.push(`  Assumption: ${side.assumption}`);
  return lines;
}

/** A side decided in order: policies in evaluation order, the deciding rules, tier ends and what passed beyond. */
function orderedLines(side: SideTrace, where: Where): string[] {
  const way = side.direction;
  const count = side.isolatedBy.length;
  const enforcer = side.ordered?.enforcer.name ?? 'The network plugin';
  const lines = [`  ${enforcer} evaluates ${count} ${count === 1 ? 'policy' : 'policies'} for its ${way}, in this order:`];
  for (const policy of side.isolatedBy) lines.push(`    - ${policy.title} (${where(policy.source)})`);
  if (side.allowedBy.length === 0) lines.push(`  No rule of these policies matches the ${way === 'egress' ? 'destination' : 'source'}.`);
  else {
    lines.push('  Rules that match, in evaluation order (the first match decides each connection):');
    for (const c of side.allowedBy) lines.push(`    - ${c.direction} rule ${c.ruleIndex + 1} of ${c.policy.title} (${where(c.rule)}): ${c.peerText}; ${decides(c)}`);
  }
  for (const end of side.ordered?.tierEnds ?? []) {
    if (end.connections === 'No Connections') continue;
    lines.push(
      end.action === 'Deny'
        ? `  End of tier ${end.tier}: no rule decided ${end.connections}, so ${midSentence(enforcer)} denies it.`
        : `  End of tier ${end.tier}: no rule decided ${end.connections}; ${side.ordered?.enforcer.tierPasses ?? 'the tier passes it on to the next'}.`,
    );
  }
  if (side.ordered?.ambiguity) lines.push(`  Ambiguous: ${side.ordered.ambiguity}`);
  const profile = side.ordered?.profile ?? 'No Connections';
  if (profile !== 'No Connections') lines.push(`  Past the last tier, ${side.ordered?.enforcer.afterLastTier ?? 'the default allows'} ${profile}.`);
  lines.push(`  ${way === 'egress' ? 'Egress' : 'Ingress'} allows: ${side.allowed}`);
  return lines;
}

function decides(c: RuleContribution): string {
  switch (c.action) {
    case 'Deny':
      return `denies ${c.connections}`;
    case 'Pass':
      return `passes ${c.connections} to the next tier`;
    case 'Log':
      return `logs ${c.connections} and goes on`;
    default:
      return `allows ${c.connections}`;
  }
}

function policyText(policy: PolicyRef, where: Where): string {
  return `${policy.id} (${where(policy.source)})`;
}

function contributionText(c: RuleContribution, where: Where): string {
  const allows = c.connections === 'No Connections' ? 'allows nothing here (a named port the destination does not declare)' : `allows ${c.connections}`;
  return `${c.direction} rule ${c.ruleIndex + 1} of ${c.policy.id} (${where(c.rule)}): ${c.peerText}; ${allows}`;
}

/** `The network plugin` inside a sentence; a proper name stays as it is. */
function midSentence(name: string): string {
  return name.startsWith('The ') ? `the ${name.slice(4)}` : name;
}
