/**
 * Reading Calico policies into the model: every fixture under
 * test/fixtures/calico/model is read and dumped field by field, each with its
 * range (1-based line:column), plus the defaults Calico applies, and compared with
 * a reviewed snapshot.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { parseFile } from '../../server/src/core/parse/parse-documents';
import { collectObjects } from '../../server/src/model/objects';
import { effectiveNamespace, effectiveOrder, effectiveTier, effectiveTypes } from '../../server/src/dialects/calico/model/defaults';
import { isCalicoPolicy, readCalicoPolicies } from '../../server/src/dialects/calico/model/read-policy';
import { policySelectors, selectorAt } from '../../server/src/dialects/calico/model/selectors';
import type { CalicoSelector } from '../../server/src/dialects/calico/model/types';
import { canonicalSelector } from '../../server/src/dialects/calico/selector/print';
import { fixture, fixtureCases } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

type Span = { start: number; end: number };

function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

function range(text: string, span: Span): string {
  return `${position(text, span.start)}-${position(text, span.end)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isSpan(value: unknown): value is Span {
  return isObject(value) && typeof value.start === 'number' && typeof value.end === 'number';
}

/** YAML nodes and helper data are not part of what the model says. */
const SKIPPED = new Set(['node', 'scalar', 'offsets', 'parse', 'span', 'keySpan', 'ref']);

function dump(text: string, key: string, value: unknown, indent: string): string[] {
  if (value === undefined) return [];
  if (!isObject(value)) return [`${indent}${key}: ${JSON.stringify(value)}`];
  const at = isSpan(value.span) ? ` @ ${range(text, value.span)}` : '';
  if (Array.isArray(value)) return [`${indent}${key}:`, ...value.flatMap((item, index) => dump(text, `[${index}]`, item, `${indent}  `))];
  if ('role' in value && 'parse' in value) return [dumpSelector(text, key, value as unknown as CalicoSelector, indent)];
  const keys = Object.keys(value);
  if (keys.includes('value') && keys.every((k) => ['value', 'span', 'keySpan'].includes(k))) return [`${indent}${key}: ${JSON.stringify(value.value)}${at}`];
  const children = keys.filter((k) => !SKIPPED.has(k));
  return [`${indent}${key}:${at}`, ...children.flatMap((k) => dump(text, k, value[k], `${indent}  `))];
}

function dumpSelector(text: string, key: string, selector: CalicoSelector, indent: string): string {
  const meaning = selector.parse.ok ? `-> ${canonicalSelector(selector.parse.ast)}` : `-> error: ${selector.parse.error.message}`;
  const mapped = selector.offsets ? '' : ' (unmapped)';
  return `${indent}${key}: ${JSON.stringify(selector.text)} [${selector.role}] @ ${range(text, selector.span)}${mapped} ${meaning}`;
}

for (const name of fixtureCases('calico/model')) {
  test(`model of ${name}.yaml`, () => {
    const text = fs.readFileSync(fixture('calico', 'model', `${name}.yaml`), 'utf8');
    const objects = collectObjects(parseFile(text));
    const policies = readCalicoPolicies(objects);
    const out: string[] = [];
    for (const policy of policies) {
      const where = `doc ${policy.ref.docIndex}${policy.ref.listIndex !== undefined ? `, item ${policy.ref.listIndex}` : ''}`;
      out.push(`${policy.kind} ${JSON.stringify(policy.metadata.name?.value ?? null)} (${where})`);
      out.push(...dump(text, 'metadata', policy.metadata, '  '), ...dump(text, 'spec', policy.spec, '  '));
      const order = effectiveOrder(policy);
      out.push(`  effective: tier ${effectiveTier(policy)}, order ${order ?? 'none (last)'}, types ${effectiveTypes(policy).join(', ')}, namespace ${effectiveNamespace(policy) ?? '(global)'}`, '');
    }
    assertMatchesFile(out.join('\n'), fixture('calico', 'model', `${name}.expected.txt`));
  });
}

test('Kubernetes NetworkPolicies and other objects are not Calico policies', () => {
  const text = [
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: k8s}',
    'kind: NetworkPolicy\nmetadata: {name: no-version}',
    'kind: GlobalNetworkPolicy\nmetadata: {name: no-version-global}',
    'apiVersion: crd.projectcalico.org/v1\nkind: NetworkPolicy\nmetadata: {name: crd}',
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: ns}',
  ].join('\n---\n');
  const objects = collectObjects(parseFile(text));
  assert.deepEqual(objects.filter(isCalicoPolicy).map((o) => o.docIndex), [2, 3]);
});

test('policySelectors lists every selector in file order, and selectorAt finds one by offset', () => {
  const text = fs.readFileSync(fixture('calico', 'model', 'every-field.yaml'), 'utf8');
  const policies = readCalicoPolicies(collectObjects(parseFile(text)));
  const paths = policies.flatMap((p) => policySelectors(p).map((s) => s.path));
  assert.deepEqual(paths, [
    'spec.selector',
    'spec.serviceAccountSelector',
    'spec.ingress[0].source.selector',
    'spec.ingress[0].source.notSelector',
    'spec.ingress[0].source.serviceAccounts.selector',
    'spec.selector',
    'spec.namespaceSelector',
    'spec.ingress[0].source.namespaceSelector',
    'spec.ingress[0].source.selector',
  ]);
  const offset = text.indexOf('has(quarantine)') + 3;
  assert.equal(selectorAt(policies, offset)?.path, 'spec.ingress[0].source.notSelector');
  assert.equal(selectorAt(policies, text.indexOf('ipVersion')), undefined);
});
