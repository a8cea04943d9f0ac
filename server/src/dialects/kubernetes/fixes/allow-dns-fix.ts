/**
 * "Allow DNS egress": adds to the policy's egress list the rule the Kubernetes
 * community recommends, UDP and TCP 53 to the kube-dns pods in kube-system (matched by
 * the `kubernetes.io/metadata.name` label every namespace carries since 1.22). It
 * creates `egress` when missing and adds Egress to an explicit policyTypes when needed.
 * It is offered only while the policy lacks DNS, so applying it twice cannot duplicate it.
 */
import { kubernetesPoliciesOf } from '../reading';
import { getPair, isMap, isNullish, isSeq } from '../../../core/parse/yaml-tree';
import { policyAllowsDns } from '../checks/dns-reach';
import { affects } from '../policy-defaults';
import type { FindingFix, TextEdit } from '../../../analysis/fixes/fix';
import { editContext } from '../../../analysis/fixes/edit-context';
import { objectRoot, policyOf } from '../../../analysis/fixes/locate';
import { addPolicyTypeEdit } from './policy-types-edit';
import type { RMap } from '../../../analysis/fixes/render-yaml';
import { addPair, appendToSeq, fillEmptyValue } from '../../../analysis/fixes/yaml-edits';

export const DNS_RULE: RMap = {
  to: [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    },
  ],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
};

export const ALLOW_DNS_TITLE = 'Allow DNS egress to kube-dns';

export const allowDnsFix: FindingFix = (analysis, data) => {
  const policy = policyOf(kubernetesPoliciesOf(analysis), data);
  if (!policy || !affects(policy, 'Egress') || policyAllowsDns(policy)) return undefined;
  const root = objectRoot(analysis.parsed, data);
  const spec = root ? getPair(root, 'spec')?.value : undefined;
  if (!isMap(spec)) return undefined;
  const ctx = editContext(analysis, policy.ref.docIndex);
  const typesEdit = addPolicyTypeEdit(ctx, spec, 'Egress');
  if (typesEdit === null) return undefined;
  const egress = getPair(spec, 'egress');
  let ruleEdit: TextEdit | undefined;
  if (!egress) ruleEdit = addPair(ctx, spec, 'egress', [DNS_RULE]);
  else if (isSeq(egress.value) && egress.value.items.length > 0) ruleEdit = appendToSeq(ctx, egress.value, DNS_RULE, egress);
  else if (isNullish(egress.value) || isSeq(egress.value)) ruleEdit = fillEmptyValue(ctx, egress, [DNS_RULE], spec.flow);
  if (!ruleEdit) return undefined;
  // When both edits land at one offset, policyTypes comes first in the text, as it does in the array.
  const edits = typesEdit ? [typesEdit, ruleEdit] : [ruleEdit];
  return { title: ALLOW_DNS_TITLE, kind: 'quickfix', edits, isPreferred: true };
};
