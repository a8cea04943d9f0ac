/**
 * Completion offers only fields the validation accepts: every field of the
 * completion schemas (each dialect's complete/field-schema.ts) exists at the same place in the
 * validation schemas (analysis/schema, calico/checks/schema), with a matching
 * shape, so a completed key never earns an "unknown field" diagnostic.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { CALICO_POLICY } from '../../server/src/dialects/calico/complete/field-schema';
import { NETWORK_POLICY as COMPLETION_NETWORK_POLICY } from '../../server/src/dialects/kubernetes/complete/field-schema';
import type { FieldSpec as AnySpec, SchemaNode as AnyNode } from '../../server/src/analysis/complete/schema-types';
import { NETWORK_POLICY } from '../../server/src/dialects/kubernetes/schema/network-policy-schema';
import type { SchemaNode as K8sNode } from '../../server/src/dialects/kubernetes/schema/schema-types';
import { GLOBAL_NETWORK_POLICY_SCHEMA, NETWORK_POLICY_SCHEMA, type SchemaNode as CalicoNode } from '../../server/src/dialects/calico/checks/schema';

/** Completion schemas of every dialect, whatever their own value sources. */
type SchemaNode = AnyNode<unknown>;
type FieldSpec = AnySpec<unknown>;

type Shape = 'map' | 'list' | 'scalar' | 'string-map' | 'other';

/** A validation schema node seen the same way for both schema flavours. */
interface Validated {
  readonly shape: Shape;
  child(key: string): Validated | undefined;
}

function k8s(node: K8sNode): Validated {
  const shape: Shape = node.type === 'object' ? 'map' : node.type === 'array' ? 'list' : node.type === 'string-map' ? 'string-map' : node.type === 'any' ? 'other' : 'scalar';
  return {
    shape,
    child: (key) => {
      const inner = node.type === 'array' ? node.items : node;
      return inner.type === 'object' && inner.fields[key] ? k8s(inner.fields[key]!) : undefined;
    },
  };
}

function calico(node: CalicoNode): Validated {
  const shape: Shape = node.kind === 'object' ? 'map' : node.kind === 'list' ? 'list' : node.kind === 'string-map' ? 'string-map' : node.kind === 'any' ? 'other' : 'scalar';
  return {
    shape,
    child: (key) => {
      const inner = node.kind === 'list' ? node.items : node;
      return inner.kind === 'object' && inner.fields[key] ? calico(inner.fields[key]!) : undefined;
    },
  };
}

const EXPECTED: Record<FieldSpec['shape'], readonly Shape[]> = {
  map: ['map'],
  list: ['list'],
  'scalar-list': ['list'],
  scalar: ['scalar'],
  labels: ['string-map'],
  'free-map': ['string-map', 'other', 'map'],
};

function compare(node: SchemaNode, validated: Validated, where: string, skip: (spec: FieldSpec) => boolean = () => false): string[] {
  return Object.entries(node.fields).flatMap(([key, spec]) => {
    if (skip(spec)) return [];
    const path = `${where}.${key}`;
    const found = validated.child(key);
    if (!found) return [`${path}: offered by completion, unknown to validation`];
    if (!EXPECTED[spec.shape].includes(found.shape)) return [`${path}: completion writes a ${spec.shape}, validation expects a ${found.shape}`];
    return spec.node ? compare(spec.node, found, path, skip) : [];
  });
}

test('Kubernetes NetworkPolicy fields offered by completion are valid fields', () => {
  assert.deepEqual(compare(COMPLETION_NETWORK_POLICY, k8s(NETWORK_POLICY), 'NetworkPolicy'), []);
});

test('Calico NetworkPolicy fields offered by completion are valid fields', () => {
  assert.deepEqual(compare(CALICO_POLICY, calico(NETWORK_POLICY_SCHEMA), 'NetworkPolicy', (spec) => spec.only === 'global'), []);
});

test('Calico GlobalNetworkPolicy fields offered by completion are valid fields', () => {
  assert.deepEqual(compare(CALICO_POLICY, calico(GLOBAL_NETWORK_POLICY_SCHEMA), 'GlobalNetworkPolicy', (spec) => spec.only === 'namespaced'), []);
});

test('every offered field has a one-line doc', () => {
  const missing: string[] = [];
  const visit = (node: SchemaNode, where: string): void => {
    for (const [key, spec] of Object.entries(node.fields)) {
      if (spec.doc.trim() === '' || spec.doc.includes('\n')) missing.push(`${where}.${key}`);
      if (spec.node) visit(spec.node, `${where}.${key}`);
    }
  };
  visit(COMPLETION_NETWORK_POLICY, 'NetworkPolicy');
  visit(CALICO_POLICY, 'Calico');
  assert.deepEqual(missing, []);
});
