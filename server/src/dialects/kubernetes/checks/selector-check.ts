/**
 * Label selectors as unversioned ValidateLabelSelector checks them: matchLabels keys
 * and values, and for each matchExpressions item a valid key, a known operator, and
 * values that are present for In/NotIn and absent for Exists/DoesNotExist.
 */
import { getPair, isMap, isNullish, isSeq, type YMap } from '../../../core/parse/yaml-tree';
import type { NetworkPolicy, ObjectRef } from '../../../model/types';
import { finding, type Finding } from '../../../core/finding';
import type { PolicyCheck } from './check';
import { dataAt, pathToSpan, type NodePath } from '../../../analysis/checks/finding-data';
import { labelKeyFinding, labelMapFindings, labelValueFindings } from './label-rules';
import { nodeSpan } from '../../../core/parse/node-spans';
import { allSelectors } from './policy-walk';
import { qualifiedNameProblems } from './validators/names';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

/** Spellings people reach for, mapped to the operator they mean. */
const OPERATOR_SLIPS: Readonly<Record<string, string>> = {
  '=': 'In',
  '==': 'In',
  equals: 'In',
  '!=': 'NotIn',
  exist: 'Exists',
  notexists: 'DoesNotExist',
  doesnotexists: 'DoesNotExist',
  notexist: 'DoesNotExist',
};

export const selectorCheck: PolicyCheck = {
  id: 'selectors',
  run(policy: NetworkPolicy): Finding[] {
    const findings: Finding[] = [];
    for (const selector of allSelectors(policy)) {
      if (!isMap(selector.node)) continue;
      findings.push(...labelMapFindings(policy.ref, getPair(selector.node, 'matchLabels')?.value, 'label'));
      const expressions = getPair(selector.node, 'matchExpressions')?.value;
      if (!isSeq(expressions)) continue;
      const path = pathToSpan(policy.ref.node, expressions.span);
      if (!path) continue;
      expressions.items.forEach((item, i) => {
        if (isMap(item)) findings.push(...requirementFindings(policy.ref, item, [...path, i]));
      });
    }
    return findings;
  },
};

function requirementFindings(ref: ObjectRef, item: YMap, path: NodePath): Finding[] {
  const findings: Finding[] = [];
  const keyPair = getPair(item, 'key');
  const key = keyPair?.value?.kind === 'scalar' && typeof keyPair.value.value === 'string' ? keyPair.value.value : undefined;
  if (isNullish(keyPair?.value)) {
    const message = 'This selector requirement has no "key": name the label it tests, e.g. "key: app".';
    findings.push(finding('netpol/missing-field', 'error', message, keyPair?.key.span ?? nodeSpan(item), { data: dataAt(ref, path, { field: 'key' }) }));
  } else if (key !== undefined) {
    const problems = qualifiedNameProblems(key);
    if (problems.length > 0) findings.push(labelKeyFinding(ref, key, keyPair!.value!.span, [...path, 'key'], problems));
  }
  findings.push(...operatorFindings(ref, item, path, key ?? 'the label'));
  const values = getPair(item, 'values')?.value;
  if (isSeq(values)) {
    values.items.forEach((v, i) => {
      if (v.kind === 'scalar' && typeof v.value === 'string') findings.push(...labelValueFindings(ref, key ?? '', v.value, v.span, [...path, 'values', i]));
    });
  }
  return findings;
}

function operatorFindings(ref: ObjectRef, item: YMap, path: NodePath, key: string): Finding[] {
  const pair = getPair(item, 'operator');
  const node = pair?.value;
  if (isNullish(node)) {
    const message = `This selector requirement has no "operator": use In, NotIn, Exists or DoesNotExist.`;
    return [finding('netpol/missing-field', 'error', message, pair?.key.span ?? nodeSpan(item), { data: dataAt(ref, path, { field: 'operator' }) })];
  }
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return [];
  const operator = node.value;
  if (!(OPERATORS as readonly string[]).includes(operator)) {
    const suggestion = OPERATORS.find((o) => o.toLowerCase() === operator.toLowerCase()) ?? OPERATOR_SLIPS[operator.toLowerCase()];
    let message = `Unknown selector operator "${operator}": use In, NotIn, Exists or DoesNotExist (case matters).`;
    if (suggestion) message += ` Did you mean "${suggestion}"?`;
    const data = dataAt(ref, [...path, 'operator'], { value: operator, ...(suggestion && { suggestion }) });
    return [finding('netpol/invalid-operator', 'error', message, node.span, { data })];
  }
  return valuesFindings(ref, item, path, operator, key);
}

function valuesFindings(ref: ObjectRef, item: YMap, path: NodePath, operator: string, key: string): Finding[] {
  const pair = getPair(item, 'values');
  const count = isSeq(pair?.value) ? pair.value.items.length : 0;
  if ((operator === 'In' || operator === 'NotIn') && count === 0) {
    const message = `Operator ${operator} needs at least one value: list the values of "${key}" to ${operator === 'In' ? 'match' : 'exclude'}, e.g. "values: [web]" (or use ${operator === 'In' ? 'Exists' : 'DoesNotExist'} to test only that the label is ${operator === 'In' ? 'set' : 'absent'}).`;
    const span = pair?.key.span ?? getPair(item, 'operator')!.value!.span;
    return [finding('netpol/selector-values-required', 'error', message, span, { data: dataAt(ref, path, { operator }) })];
  }
  if ((operator === 'Exists' || operator === 'DoesNotExist') && count > 0) {
    const message = `Operator ${operator} takes no values: remove "values", or use ${operator === 'Exists' ? 'In' : 'NotIn'} to compare against them.`;
    return [finding('netpol/selector-values-forbidden', 'error', message, pair!.key.span, { data: dataAt(ref, [...path, 'values'], { operator }) })];
  }
  return [];
}
