/**
 * "Allow DNS before this Deny": a new first-matching rule, inserted right before the
 * Deny that takes DNS away, allowing UDP and TCP 53 to the kube-dns pods of
 * kube-system. Inserting one rule edits less than a new higher-priority policy would,
 * and keeps the Deny for everything else. Offered only while the DNS check still finds
 * the Deny, so applying it twice cannot add the rule twice.
 */
import type { FileAnalysis } from '../../../analysis/file-analysis';
import { editContext } from '../../../analysis/fixes/edit-context';
import { insert, type Fix, type FindingFix } from '../../../analysis/fixes/fix';
import { objectRoot } from '../../../analysis/fixes/locate';
import { renderFlow, seqLines, type RMap } from '../../../analysis/fixes/render-yaml';
import { aboveComments, lineStartOf } from '../../../analysis/fixes/yaml-style';
import type { FindingData } from '../../../core/finding';
import { getPair, isMap, isSeq } from '../../../core/parse/yaml-tree';
import { dnsFindings } from '../checks/dns-check';
import type { ClusterPolicy } from '../model/types';
import { clusterPoliciesOf } from '../reading';

const CLUSTER_DNS_TITLE = 'Allow DNS to kube-dns (UDP and TCP 53) before this Deny';

function dnsRule(policy: ClusterPolicy): RMap {
  const to = [{ pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } }];
  if (policy.version === 'v1alpha2') {
    return { name: 'allow-dns', action: 'Accept', to, protocols: [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }] };
  }
  return { name: 'allow-dns', action: 'Allow', to, ports: [{ portNumber: { protocol: 'UDP', port: 53 } }, { portNumber: { protocol: 'TCP', port: 53 } }] };
}

function policyOf(analysis: FileAnalysis, data: FindingData): ClusterPolicy | undefined {
  return clusterPoliciesOf(analysis).find((p) => p.ref.docIndex === data.docIndex && p.ref.listIndex === data.listIndex);
}

export const clusterDnsFix: FindingFix = (analysis, data): Fix | undefined => {
  const policy = policyOf(analysis, data);
  const found = policy ? dnsFindings(policy)[0] : undefined;
  const index = found?.data?.['rule'];
  if (!policy || typeof index !== 'number') return undefined;
  const root = objectRoot(analysis.parsed, data);
  const spec = root ? getPair(root, 'spec')?.value : undefined;
  const egress = isMap(spec) ? getPair(spec, 'egress')?.value : undefined;
  const item = isSeq(egress) ? egress.items[index] : undefined;
  if (!isSeq(egress) || !item) return undefined;
  const ctx = editContext(analysis, policy.ref.docIndex);
  const rule = dnsRule(policy);
  if (egress.flow) return { title: CLUSTER_DNS_TITLE, kind: 'quickfix', edits: [insert(item.span.start, `${renderFlow(rule, ctx.json)}, `)], isPreferred: true };
  const dash = ctx.text.lastIndexOf('-', item.span.start - 1);
  if (dash < 0) return undefined;
  const lineStart = lineStartOf(ctx.text, dash);
  if (ctx.text.slice(lineStart, dash).trim() !== '') return undefined;
  const lines = seqLines([rule], dash - lineStart, ctx.style);
  return { title: CLUSTER_DNS_TITLE, kind: 'quickfix', edits: [insert(aboveComments(ctx.text, lineStart), lines.join(ctx.style.eol) + ctx.style.eol)], isPreferred: true };
};

