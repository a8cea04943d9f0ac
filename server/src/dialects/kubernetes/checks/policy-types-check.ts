/**
 * policyTypes: only Ingress and Egress (case matters), at most two entries. A repeated
 * entry is accepted by the API server when the list stays at two, so it is a warning.
 * Rules for a direction the explicit policyTypes leaves out are accepted and then
 * ignored entirely: a warning, with the rules greyed out.
 */
import { getPair, isMap, isSeq, type YPair } from '../../../core/parse/yaml-tree';
import type { Direction, NetworkPolicy, ObjectRef, PolicyType } from '../../../model/types';
import { finding, type Finding } from '../../../core/finding';
import type { PolicyCheck } from './check';
import { dataAt } from '../../../analysis/checks/finding-data';
import { pairSpan } from '../../../core/parse/node-spans';

const TYPES: readonly PolicyType[] = ['Ingress', 'Egress'];

export const policyTypesCheck: PolicyCheck = {
  id: 'policy-types',
  run(policy: NetworkPolicy): Finding[] {
    const spec = getPair(policy.ref.node, 'spec')?.value;
    if (!isMap(spec)) return [];
    const pair = getPair(spec, 'policyTypes');
    if (!pair || !isSeq(pair.value)) return [];
    return [...valueFindings(policy.ref, pair), ...ignoredRules(policy, pair, 'egress'), ...ignoredRules(policy, pair, 'ingress')];
  },
};

function valueFindings(ref: ObjectRef, pair: YPair): Finding[] {
  const list = pair.value;
  if (!isSeq(list)) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  list.items.forEach((item, i) => {
    if (item.kind !== 'scalar' || typeof item.value !== 'string') return;
    const value = item.value;
    const path = ['spec', 'policyTypes', i];
    if (!(TYPES as readonly string[]).includes(value)) {
      const suggestion = TYPES.find((t) => t.toLowerCase() === value.toLowerCase() || t.toLowerCase().startsWith(value.toLowerCase().slice(0, 4)));
      const message = `policyTypes entry "${value}" is not supported: use Ingress or Egress${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`;
      findings.push(finding('netpol/invalid-policy-type', 'error', message, item.span, { data: dataAt(ref, path, { value, ...(suggestion && { suggestion }) }) }));
    } else if (seen.has(value)) {
      const message = `"${value}" is listed twice in policyTypes: remove the repeat.`;
      findings.push(finding('netpol/duplicate-policy-type', 'warning', message, item.span, { data: dataAt(ref, path, { value }) }));
    }
    seen.add(value);
  });
  if (list.items.length > 2) {
    const message = `policyTypes has ${list.items.length} entries; the API server allows at most two: Ingress and Egress.`;
    findings.push(finding('netpol/too-many-policy-types', 'error', message, pair.key.span, { data: dataAt(ref, ['spec', 'policyTypes']) }));
  }
  return findings;
}

function ignoredRules(policy: NetworkPolicy, typesPair: YPair, direction: Direction): Finding[] {
  const rules = policy.spec[direction];
  const list = typesPair.value;
  if (!rules || rules.items.length === 0 || !isSeq(list) || list.items.length === 0) return [];
  const type: PolicyType = direction === 'egress' ? 'Egress' : 'Ingress';
  if (list.items.some((item) => item.kind === 'scalar' && item.value === type)) return [];
  // With an invalid entry ("ingress") the policy is rejected anyway, and that error says what to fix.
  if (!list.items.every((item) => item.kind === 'scalar' && (TYPES as readonly unknown[]).includes(item.value))) return [];
  const spec = getPair(policy.ref.node, 'spec')?.value;
  const rulesPair = isMap(spec) ? getPair(spec, direction) : undefined;
  if (!rulesPair) return [];
  const listed = list.items.map((item) => (item.kind === 'scalar' ? String(item.value) : '?')).join(', ');
  const effect = direction === 'egress' ? 'blocks all other egress from' : 'blocks all other ingress to';
  const message = `These ${direction} rules are ignored: policyTypes lists only ${listed}, so this policy does not affect ${direction} at all. Add ${type} to policyTypes (which also ${effect} the selected pods), or delete the rules.`;
  const data = dataAt(policy.ref, ['spec', direction], { policyType: type });
  return [finding('netpol/ignored-rules', 'warning', message, pairSpan(rulesPair), { data, tags: ['unnecessary'] })];
}
