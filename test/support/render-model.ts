/**
 * Renders the model layer as readable text for snapshot tests: the objects a file
 * holds, every NetworkPolicy field with its `line:col` span, and what the analysis
 * facade makes of the file (relevant or not, and its syntax findings).
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import type { FileAnalysis } from '../../server/src/analysis/analyze-file';
import type { Finding } from '../../server/src/core/finding';
import type { Field, LabelEntry, LabelSelector, ListField, NetworkPolicy, ObjectRef, Peer, PolicyRule, PortSpec } from '../../server/src/model/types';
import { SpanFormatter } from './render-tree';

export function renderAnalysis(analysis: FileAnalysis): string {
  const format = new SpanFormatter(analysis.parsed.text);
  const lines = [`objects: ${analysis.objects.length}`];
  for (const ref of analysis.objects) lines.push(`  ${renderRef(ref, format)}`);
  for (const policy of kubernetesPoliciesOf(analysis)) lines.push(...renderPolicy(policy, format));
  // Only the parse layer's findings: policy checks have their own tests, and their
  // wording must not churn the model's snapshots.
  const syntax = analysis.findings.filter((f) => f.code.startsWith('yaml/'));
  lines.push(`relevant: ${analysis.relevant ? 'yes' : 'no'}`, `syntax findings: ${syntax.length}`);
  for (const f of syntax) lines.push(`  ${renderFinding(f, format)}`);
  return lines.join('\n') + '\n';
}

function renderRef(ref: ObjectRef, format: SpanFormatter): string {
  const where = ref.listIndex === undefined ? `doc ${ref.docIndex}` : `doc ${ref.docIndex} item ${ref.listIndex}`;
  return `${where}: ${field(ref.apiVersion, format)} ${field(ref.kind, format)} node ${format.span(ref.node.span)}`;
}

function renderFinding(f: Finding, format: SpanFormatter): string {
  const data = f.data ? ` ${JSON.stringify(f.data)}` : '';
  return `${f.severity} ${f.code} ${format.span(f.span)} ${format.excerpt(f.span)}: ${f.message}${data}`;
}

/** A field as `value @line:col-line:col (key @line:col-line:col)`, or `-` when absent. */
function field<T>(f: Field<T> | undefined, format: SpanFormatter): string {
  if (!f) return '-';
  const value = typeof f.value === 'string' ? JSON.stringify(f.value) : `${typeof f.value} ${String(f.value)}`;
  return `${value} @${format.span(f.span)}${f.keySpan ? ` (key @${format.span(f.keySpan)})` : ''}`;
}

function renderPolicy(policy: NetworkPolicy, format: SpanFormatter): string[] {
  const { metadata, spec } = policy;
  const lines = [`policy ${renderRef(policy.ref, format)}`];
  lines.push(`  metadata${metadata.span ? ` @${format.span(metadata.span)}` : ' -'}`);
  lines.push(`    name ${field(metadata.name, format)}`, `    namespace ${field(metadata.namespace, format)}`);
  if (metadata.creationTimestamp) lines.push(`    creationTimestamp ${field(metadata.creationTimestamp, format)}`);
  lines.push(...labels('labels', metadata.labels, format, '    '), ...labels('annotations', metadata.annotations, format, '    '));
  lines.push(`  spec${spec.span ? ` @${format.span(spec.span)} (key @${format.span(spec.keySpan ?? spec.span)})` : ' -'}`);
  lines.push(...selector('podSelector', spec.podSelector, format, '    '));
  lines.push(...list('policyTypes', spec.policyTypes, format, '    ', (t, i) => [`${i}- ${field(t, format)}`]));
  lines.push(...list('ingress', spec.ingress, format, '    ', (r, i) => rule(r, format, i)));
  lines.push(...list('egress', spec.egress, format, '    ', (r, i) => rule(r, format, i)));
  return lines;
}

function labels(name: string, entries: readonly LabelEntry[], format: SpanFormatter, indent: string): string[] {
  if (entries.length === 0) return [];
  return [`${indent}${name}`, ...entries.map((e) => `${indent}  ${field(e.key, format)} = ${field(e.value, format)}`)];
}

function selector(name: string, s: LabelSelector | undefined, format: SpanFormatter, indent: string): string[] {
  if (!s) return [`${indent}${name} -`];
  const head = `${indent}${name} @${format.span(s.span)}${s.keySpan ? ` (key @${format.span(s.keySpan)})` : ''}${s.node === null ? ' (no value)' : ''}`;
  const matchLabels = s.matchLabels.map((e) => `${indent}  matchLabels ${field(e.key, format)} = ${field(e.value, format)}`);
  const expressions = s.matchExpressions.flatMap((r) => [
    `${indent}  matchExpression @${format.span(r.span)} key ${field(r.key, format)} operator ${field(r.operator, format)}${r.valuesSpan ? ` values @${format.span(r.valuesSpan)}` : ''}`,
    ...r.values.map((v) => `${indent}    value ${field(v, format)}`),
  ]);
  if (matchLabels.length === 0 && expressions.length === 0) return [`${head} (empty: selects all)`];
  return [head, ...matchLabels, ...expressions];
}

/** `render` gets an indent prefix; items are numbered so a skipped (unreadable) item is visible. */
function list<T>(name: string, l: ListField<T> | undefined, format: SpanFormatter, indent: string, render: (item: T, prefix: string) => string[]): string[] {
  if (!l) return [`${indent}${name} -`];
  const head = `${indent}${name} @${format.span(l.span)} (key @${format.span(l.keySpan)}) items: ${l.items.length}`;
  return [head, ...l.items.flatMap((item) => render(item, `${indent}  `))];
}

function rule(r: PolicyRule, format: SpanFormatter, indent: string): string[] {
  const peersName = r.direction === 'ingress' ? 'from' : 'to';
  return [
    `${indent}- ${r.direction}[${r.index}] @${format.span(r.span)}`,
    ...list(peersName, r.peers, format, `${indent}  `, (p, i) => peer(p, format, i)),
    ...list('ports', r.ports, format, `${indent}  `, (p, i) => port(p, format, i)),
  ];
}

function peer(p: Peer, format: SpanFormatter, indent: string): string[] {
  const lines = [`${indent}- peer @${format.span(p.span)}`];
  if (p.podSelector) lines.push(...selector('podSelector', p.podSelector, format, `${indent}  `));
  if (p.namespaceSelector) lines.push(...selector('namespaceSelector', p.namespaceSelector, format, `${indent}  `));
  if (p.ipBlock) {
    const b = p.ipBlock;
    lines.push(`${indent}  ipBlock @${format.span(b.span)} cidr ${field(b.cidr, format)}`, ...b.except.map((e) => `${indent}    except ${field(e, format)}`));
  }
  return lines;
}

function port(p: PortSpec, format: SpanFormatter, indent: string): string[] {
  return [`${indent}- port @${format.span(p.span)} protocol ${field(p.protocol, format)} port ${field(p.port, format)} endPort ${field(p.endPort, format)}`];
}
