/**
 * Unknown fields (with a "did you mean") and values of the wrong type, found by
 * walking the YAML tree along the schema. kubectl's strict field validation and
 * calicoctl both reject such a policy, so these are errors.
 */
import { isMap, isNullish, isScalar, isSeq, type YMap, type YNode } from '../../../core/parse/yaml-tree';
import type { Finding } from '../../../core/finding';
import type { CalicoPolicy } from '../model/types';
import { reporter, type CalicoCheck, type Report } from './check';
import { closest } from './did-you-mean';
import { GLOBAL_NETWORK_POLICY_SCHEMA, NETWORK_POLICY_SCHEMA, type ObjectSchema, type ScalarType, type SchemaNode } from './schema';

export const schemaCheck: CalicoCheck = {
  id: 'schema',
  run(policy: CalicoPolicy): Finding[] {
    const findings: Finding[] = [];
    const schema = policy.kind === 'GlobalNetworkPolicy' ? GLOBAL_NETWORK_POLICY_SCHEMA : NETWORK_POLICY_SCHEMA;
    checkObject(policy.ref.node, schema, '', reporter(policy), findings);
    return findings;
  },
};

function checkNode(node: YNode | null, schema: SchemaNode, path: string, report: Report, findings: Finding[]): void {
  // `key:` with no value is JSON null, which every field accepts as "not set"; aliases are not followed.
  if (isNullish(node) || node === null || node.kind === 'alias' || schema.kind === 'any') return;
  switch (schema.kind) {
    case 'object':
      if (isMap(node)) checkObject(node, schema, path, report, findings);
      else findings.push(wrongType(node, path, 'an object (a map of fields)', report));
      return;
    case 'list':
      if (isSeq(node)) node.items.forEach((item, index) => checkNode(item, schema.items, `${path}[${index}]`, report, findings));
      else findings.push(wrongType(node, path, 'a list', report));
      return;
    case 'string-map':
      checkStringMap(node, path, report, findings);
      return;
    case 'scalar':
      if (!scalarMatches(node, schema.type)) findings.push(wrongType(node, path, TYPE_NAMES[schema.type], report, schema.code));
  }
}

function checkObject(map: YMap, schema: ObjectSchema, path: string, report: Report, findings: Finding[]): void {
  for (const pair of map.items) {
    const key = pair.keyText;
    const field = schema.fields[key];
    const childPath = path ? `${path}.${key}` : key;
    if (field) {
      checkNode(pair.value, field, childPath, report, findings);
      continue;
    }
    const hint = schema.hints?.[key];
    const suggestion = hint ? undefined : closest(key, Object.keys(schema.fields));
    const advice = hint ? ` ${hint}` : suggestion ? ` Did you mean "${suggestion}"?` : ` Known fields: ${Object.keys(schema.fields).join(', ')}.`;
    const message = `Unknown field "${key}" in ${schema.name}.${advice}`;
    findings.push(report('calico/unknown-field', 'error', message, pair.key.span, { path: childPath, field: key, ...(suggestion && { suggestion }) }));
  }
}

function checkStringMap(node: YNode, path: string, report: Report, findings: Finding[]): void {
  if (!isMap(node)) {
    findings.push(wrongType(node, path, 'a map of strings', report));
    return;
  }
  for (const pair of node.items) {
    const value = pair.value;
    if (isScalar(value) && typeof value.value !== 'string' && value.value !== null) findings.push(wrongType(value, `${path}.${pair.keyText}`, 'a string', report));
    else if (value && !isScalar(value) && value.kind !== 'alias') findings.push(wrongType(value, `${path}.${pair.keyText}`, 'a string', report));
  }
}

const TYPE_NAMES: Readonly<Record<ScalarType, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  'int-or-string': 'a number or a string',
};

function scalarMatches(node: YNode, type: ScalarType): boolean {
  if (!isScalar(node)) return false;
  const value = node.value;
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'int-or-string':
      return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
  }
}

function wrongType(node: YNode, path: string, expected: string, report: Report, code = 'calico/wrong-type'): Finding {
  const last = path.split('.').pop()!;
  const field = last.replace(/\[\d+\]$/, '');
  const subject = field === last ? `"${field}"` : `Each item of "${field}"`;
  const found = describeNode(node);
  const unquote = isScalar(node) && node.style !== 'plain' && typeof node.value === 'string' && expected !== 'a string' && /^-?[\d.]+$|^(true|false)$/.test(node.value);
  const advice = unquote ? ' Remove the quotes.' : '';
  const message = `${subject} must be ${expected}, but ${found}.${advice}`;
  return report(code, 'error', message, node.span, { path, expected });
}

function describeNode(node: YNode): string {
  if (isMap(node)) return 'this is a map';
  if (isSeq(node)) return 'this is a list';
  if (!isScalar(node)) return 'this is an alias';
  const value = node.value;
  if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 37) + '...' : value}" is a string`;
  if (typeof value === 'number' && !Number.isFinite(value)) return `${node.source} is not a finite number`;
  if (typeof value === 'number' || typeof value === 'bigint') return `${node.source} is ${Number.isInteger(Number(value)) ? 'a whole number' : 'a number with a fraction'}`;
  return `${String(value)} is ${typeof value === 'boolean' ? 'a boolean' : 'null'}`;
}
