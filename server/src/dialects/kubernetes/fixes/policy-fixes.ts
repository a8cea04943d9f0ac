/**
 * Fixes on a policy's lists: excepting the metadata endpoint from an ipBlock, and
 * adding a missing type to policyTypes when rules for that direction are ignored.
 */
import { kubernetesPoliciesOf } from '../reading';
import { getPair, isMap, isNullish, isSeq, type YMap } from '../../../core/parse/yaml-tree';
import type { PolicyType } from '../../../model/types';
import type { FileAnalysis } from '../../../analysis/file-analysis';
import { ruleAllowsDns } from '../checks/dns-reach';
import type { FindingData } from '../../../core/finding';
import { DNS_RULE } from './allow-dns-fix';
import type { FindingFix, TextEdit } from '../../../analysis/fixes/fix';
import { editContext } from '../../../analysis/fixes/edit-context';
import { locate, nodeAt, objectRoot, policyOf, stringData } from '../../../analysis/fixes/locate';
import { addPolicyTypeEdit } from './policy-types-edit';
import { addPair, appendToSeq, fillEmptyValue } from '../../../analysis/fixes/yaml-edits';

export const exceptMetadataFix: FindingFix = (analysis, data) => {
  const value = stringData(data, 'except');
  const block = locate(analysis, data);
  if (!value || !isMap(block) || !getPair(block, 'cidr')) return undefined;
  const except = getPair(block, 'except');
  const sample = except && isSeq(except.value) ? except.value.items[0] : getPair(block, 'cidr')?.value;
  const ctx = editContext(analysis, data.docIndex, sample);
  let edit: TextEdit | undefined;
  if (!except) edit = addPair(ctx, block, 'except', [value]);
  else if (isSeq(except.value) && except.value.items.length > 0) edit = appendToSeq(ctx, except.value, value, except);
  else if (isNullish(except.value) || isSeq(except.value)) edit = fillEmptyValue(ctx, except, [value], block.flow);
  return edit && { title: `Add "${value}" to except`, kind: 'quickfix', edits: [edit] };
};

export const addPolicyTypeFix: FindingFix = (analysis, data) => {
  const type = stringData(data, 'policyType');
  const root = objectRoot(analysis.parsed, data);
  const spec = root ? nodeAt(root, ['spec']) : undefined;
  if ((type !== 'Ingress' && type !== 'Egress') || !isMap(spec)) return undefined;
  const ctx = editContext(analysis, data.docIndex);
  const edit = addPolicyTypeEdit(ctx, spec, type as PolicyType);
  if (!edit) return undefined;
  const dns = type === 'Egress' ? dnsRuleEdit(analysis, data, spec) : undefined;
  if (dns) return { title: 'Add Egress to policyTypes and allow DNS egress', kind: 'quickfix', edits: [edit, dns], isPreferred: true };
  return { title: `Add ${type} to policyTypes`, kind: 'quickfix', edits: [edit], isPreferred: true };
};

/**
 * Turning egress rules on that allow no DNS would break every name lookup of the
 * selected pods (and trade one warning for another), so the DNS rule comes along.
 */
function dnsRuleEdit(analysis: FileAnalysis, data: FindingData, spec: YMap): TextEdit | undefined {
  const policy = policyOf(kubernetesPoliciesOf(analysis), data);
  const egress = getPair(spec, 'egress');
  if (!policy || !egress || !isSeq(egress.value) || egress.value.items.length === 0) return undefined;
  if ((policy.spec.egress?.items ?? []).some((rule) => ruleAllowsDns(rule, policy.metadata.namespace?.value))) return undefined;
  return appendToSeq(editContext(analysis, data.docIndex), egress.value, DNS_RULE, egress);
}
