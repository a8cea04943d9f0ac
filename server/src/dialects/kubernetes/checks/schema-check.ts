/**
 * Shapes, as kubectl's strict field validation and the API server's JSON decoding
 * see them: unknown fields (with a "did you mean") and values of the wrong type.
 * Driven by the schema table in ../schema, so adding a field is one line there.
 */
import { describeYaml11Reading } from '../../../core/parse/kubectl-scalars';
import { isMap, isSeq, type YMap, type YNode, type YPair, type YScalar } from '../../../core/parse/yaml-tree';
import type { NetworkPolicy, ObjectRef } from '../../../model/types';
import { suggestField } from '../schema/did-you-mean';
import { NETWORK_POLICY } from '../schema/network-policy-schema';
import { describeType, type ObjectSchema, type SchemaNode } from '../schema/schema-types';
import { finding, type Finding } from '../../../core/finding';
import type { PolicyCheck } from './check';
import { dataAt, type NodePath } from '../../../analysis/checks/finding-data';
import { nodeSpan } from '../../../core/parse/node-spans';

export const schemaCheck: PolicyCheck = {
  id: 'schema',
  run(policy: NetworkPolicy): Finding[] {
    const findings: Finding[] = [];
    walk(policy.ref, policy.ref.node, NETWORK_POLICY, [], findings);
    return findings;
  },
};

function walk(ref: ObjectRef, node: YNode, schema: SchemaNode, path: NodePath, out: Finding[]): void {
  // `key:` with no value decodes as the field's zero value; aliases are resolved later by the API client.
  if (node.kind === 'alias' || (node.kind === 'scalar' && node.value === null) || schema.type === 'any') return;
  if (!matchesType(node, schema)) {
    out.push(wrongType(ref, node, schema, path));
    return;
  }
  if (schema.type === 'object' && isMap(node)) walkObject(ref, node, schema, path, out);
  if (schema.type === 'array' && isSeq(node)) node.items.forEach((item, i) => walk(ref, item, schema.items, [...path, i], out));
  if (schema.type === 'string-map' && isMap(node)) {
    for (const pair of node.items) if (pair.value) walk(ref, pair.value, { type: 'string' }, [...path, pair.keyText], out);
  }
}

function walkObject(ref: ObjectRef, map: YMap, schema: ObjectSchema, path: NodePath, out: Finding[]): void {
  for (const pair of map.items) {
    const field = Object.prototype.hasOwnProperty.call(schema.fields, pair.keyText) ? schema.fields[pair.keyText] : undefined;
    if (field) {
      if (pair.value) walk(ref, pair.value, field, [...path, pair.keyText], out);
      continue;
    }
    out.push(unknownField(ref, map, pair, schema, path));
  }
}

function unknownField(ref: ObjectRef, map: YMap, pair: YPair, schema: ObjectSchema, path: NodePath): Finding {
  const key = pair.keyText;
  const misplaced = schema.misplaced?.[key];
  const suggestion = misplaced ? undefined : suggestField(key, schema);
  const where = path.length === 0 ? 'a NetworkPolicy' : schema.title;
  let message = `Unknown field "${key}" in ${where}: the API server rejects it.`;
  if (misplaced) message += ` ${misplaced}`;
  else if (suggestion) message += ` Did you mean "${suggestion}"?`;
  else message += ` Known fields: ${Object.keys(schema.fields).join(', ')}.`;
  // Renaming onto a key the map already has would only trade this error for a duplicate key.
  const renamable = suggestion !== undefined && !map.items.some((p) => p.keyText === suggestion);
  const data = dataAt(ref, [...path, key], { key, ...(suggestion && { suggestion }), ...(renamable && { renamable }) });
  return finding('netpol/unknown-field', 'error', message, pair.key.span, { data });
}

function matchesType(node: YNode, schema: SchemaNode): boolean {
  const scalar = node.kind === 'scalar' ? node : undefined;
  switch (schema.type) {
    case 'string':
      return typeof scalar?.value === 'string';
    case 'integer':
      return isInteger(scalar);
    case 'boolean':
      return typeof scalar?.value === 'boolean';
    case 'int-or-string':
      return typeof scalar?.value === 'string' || isInteger(scalar);
    case 'string-map':
    case 'object':
      return node.kind === 'map';
    case 'array':
      return node.kind === 'seq';
    case 'any':
      return true;
  }
}

function isInteger(scalar: YScalar | undefined): boolean {
  return typeof scalar?.value === 'bigint' || (typeof scalar?.value === 'number' && Number.isInteger(scalar.value));
}

function wrongType(ref: ObjectRef, node: YNode, schema: SchemaNode, path: NodePath): Finding {
  const name = describeField(path);
  // A plain number or boolean where a string belongs is the classic `version: 1.0` slip: quoting fixes it.
  // Not inside an ipBlock: a quoted number is no CIDR either, so quoting would trade one error for another.
  const quotable = schema.type === 'string' && node.kind === 'scalar' && node.style === 'plain' && typeof node.value !== 'string' && !path.includes('ipBlock');
  // `yes`, `on`, `n`…: kubectl's YAML 1.1 reads a boolean where the text looks like a word.
  const reading = node.kind === 'scalar' && node.yaml11 && (typeof node.value === 'boolean' || typeof node.value === 'number') ? ` kubectl reads \`${node.source}\` as ${describeYaml11Reading(node.source, node.value)} (YAML 1.1).` : '';
  let message = reading ? `${name} must be ${describeType(schema)}.${reading}` : `${name} must be ${describeType(schema)}, not ${describeValue(node)}.`;
  if (quotable) message += ` Quote it ("${node.source}") so it is read as a string.`;
  const data = dataAt(ref, path, { expected: schema.type, ...(quotable && { quote: true }) });
  return finding('netpol/wrong-type', 'error', message, nodeSpan(node), { data });
}

function describeField(path: NodePath): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') return `Item ${last + 1} of "${String(path[path.length - 2] ?? '')}"`;
  const parent = path[path.length - 2];
  if (parent === 'labels' || parent === 'matchLabels' || parent === 'annotations') return `The value of "${String(last)}"`;
  return `"${String(last ?? 'object')}"`;
}

function describeValue(node: YNode): string {
  if (node.kind === 'map') return 'a map';
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'alias') return 'an alias';
  if (typeof node.value === 'boolean') return `the boolean ${node.source}`;
  if (typeof node.value === 'number' || typeof node.value === 'bigint') return `the number ${node.source}`;
  return `the string ${JSON.stringify(String(node.value))}`;
}
