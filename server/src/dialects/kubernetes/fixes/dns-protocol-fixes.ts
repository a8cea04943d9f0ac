/**
 * Fixes for DNS and policyTypes traps that add one entry: TCP 53 next to a rule's UDP 53,
 * and the policyTypes an egress-only policy meant.
 */
import { getPair, isMap, isSeq } from '../../../core/parse/yaml-tree';
import type { FindingFix } from '../../../analysis/fixes/fix';
import { editContext } from '../../../analysis/fixes/edit-context';
import { locate, nodeAt, objectRoot } from '../../../analysis/fixes/locate';
import { addPair, appendToSeq } from '../../../analysis/fixes/yaml-edits';

export const allowDnsTcpFix: FindingFix = (analysis, data) => {
  const rule = locate(analysis, data);
  const ports = isMap(rule) ? getPair(rule, 'ports')?.value : undefined;
  if (data['hasPorts'] !== true || !isSeq(ports) || ports.items.length === 0) return undefined;
  const ctx = editContext(analysis, data.docIndex);
  return { title: 'Allow TCP 53 as well', kind: 'quickfix', edits: [appendToSeq(ctx, ports, { protocol: 'TCP', port: 53 })], isPreferred: true };
};

export const egressOnlyTypesFix: FindingFix = (analysis, data) => {
  const root = objectRoot(analysis.parsed, data);
  const spec = root ? nodeAt(root, ['spec']) : undefined;
  if (!isMap(spec) || getPair(spec, 'policyTypes')) return undefined;
  const ctx = editContext(analysis, data.docIndex);
  return { title: 'Add policyTypes: [Egress]', kind: 'quickfix', edits: [addPair(ctx, spec, 'policyTypes', ['Egress'])], isPreferred: true };
};
