/** A kubectl-describe-like page for a cluster-wide policy (kubectl prints these CRDs only as raw fields). */
import type { ClusterPolicy, ClusterPort, ClusterRule, Selection } from '../model/types';
import { tierOf } from '../model/tier';

export function describeClusterPolicy(policy: ClusterPolicy): string {
  const lines = [`Name:         ${policy.metadata.name?.value ?? ''}`, `Kind:         ${policy.kind} (${policy.version || 'no version'})`, `Tier:         ${tierOf(policy)}`];
  if (policy.spec?.priority) lines.push(`Priority:     ${policy.spec.priority.value}`);
  lines.push(`Subject:      ${policy.spec?.subject ? selection(policy.spec.subject) : '<none>'}`);
  for (const [title, rules] of [
    ['Ingress Rules', policy.spec?.ingress?.items],
    ['Egress Rules', policy.spec?.egress?.items],
  ] as const) {
    lines.push(`${title}:`);
    if (!rules || rules.length === 0) lines.push('  <none>');
    for (const rule of rules ?? []) lines.push(...ruleLines(rule));
  }
  return lines.join('\n') + '\n';
}

function ruleLines(rule: ClusterRule): string[] {
  const lines = [`  [${rule.index}] ${rule.name?.value ?? '<unnamed>'}`, `    Action:   ${rule.action?.value ?? '<none>'}`];
  const word = rule.direction === 'ingress' ? 'From' : 'To';
  for (const peer of rule.peers?.items ?? []) lines.push(`    ${`${word}:`.padEnd(10)}${selection(peer)}`);
  lines.push(`    Ports:    ${rule.ports ? rule.ports.items.map(port).join(', ') : '<any>'}`);
  return lines;
}

function selector(s: { matchLabels: readonly { key: { value: string }; value: { value: string } }[]; matchExpressions: readonly { key?: { value: string }; operator?: { value: string }; values: readonly { value: string }[] }[] } | undefined): string {
  if (!s) return '<none>';
  const parts = [...s.matchLabels.map((l) => `${l.key.value}=${l.value.value}`), ...s.matchExpressions.map((e) => `${e.key?.value ?? '?'} ${e.operator?.value ?? '?'} (${e.values.map((v) => v.value).join(',')})`)];
  return parts.length === 0 ? '<all>' : parts.join(',');
}

function selection(s: Selection): string {
  if (s.namespaces) return `Namespaces: ${selector(s.namespaces)}`;
  if (s.pods) return `Pods: ${selector(s.pods.podSelector)} in Namespaces: ${s.pods.namespaceSelector ? selector(s.pods.namespaceSelector) : '<all>'}`;
  if (s.nodes) return `Nodes: ${selector(s.nodes)}`;
  if (s.networks) return `Networks: ${s.networks.items.map((n) => n.value).join(', ')}`;
  if (s.domainNames) return `Domain Names: ${s.domainNames.items.map((d) => d.value).join(', ')}`;
  return '<none>';
}

function port(p: ClusterPort): string {
  if (p.kind === 'named') return `named port ${p.name?.value ?? '?'}`;
  if (p.kind === 'number') return `${p.number?.value ?? '?'}/${p.protocol?.value ?? 'TCP'}`;
  if (p.kind === 'range') return `${p.start?.value ?? '?'}-${p.end?.value ?? '?'}/${p.protocol?.value ?? 'TCP'}`;
  return '<unreadable>';
}
