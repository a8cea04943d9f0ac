/** ObjectRef -> CalicoPolicy (projectcalico.org/v3 NetworkPolicy or GlobalNetworkPolicy). */
import { getPair, isScalar, type YMap } from '../../../core/parse/yaml-tree';
import { memoByObject } from '../../../model/memo';
import { readMetadata } from '../../../model/metadata';
import { listField, mapField, scalarText, stringField } from '../../../model/read-fields';
import type { Field, ObjectRef } from '../../../model/types';
import { numberField, readCalicoRule } from './read-rule';
import { readCalicoSelector } from './read-selector';
import type { CalicoPolicy, CalicoPolicyKind, CalicoPolicySpec } from './types';

const CALICO_GROUPS = ['projectcalico.org/', 'crd.projectcalico.org/'];

/**
 * A Calico policy, or something meant as one: `kind: NetworkPolicy` with a
 * `projectcalico.org` apiVersion, or `kind: GlobalNetworkPolicy` (which only Calico
 * has) with a missing or Calico apiVersion. The required-fields check reports a
 * version other than projectcalico.org/v3.
 */
export function isCalicoPolicy(ref: ObjectRef): boolean {
  const kind = ref.kind?.value;
  if (kind !== 'NetworkPolicy' && kind !== 'GlobalNetworkPolicy') return false;
  const apiVersion = ref.apiVersion?.value;
  if (apiVersion === undefined) return kind === 'GlobalNetworkPolicy';
  return CALICO_GROUPS.some((group) => apiVersion.startsWith(group));
}

/** Memoised per ObjectRef: an object the edit did not touch is not read again (see model/memo.ts). */
const readCalicoPolicy = memoByObject((ref: ObjectRef): CalicoPolicy => {
  const kind: CalicoPolicyKind = ref.kind?.value === 'GlobalNetworkPolicy' ? 'GlobalNetworkPolicy' : 'NetworkPolicy';
  return { ref, kind, metadata: readMetadata(ref.node), spec: readSpec(ref.node, kind) };
});

function readSpec(root: YMap, kind: CalicoPolicyKind): CalicoPolicySpec {
  const found = mapField(root, 'spec');
  if (!found) return {};
  const spec = found.map;
  const global = kind === 'GlobalNetworkPolicy';
  const tier = stringField(spec, 'tier');
  const order = numberField(spec, 'order');
  const selector = readCalicoSelector(spec, 'selector', 'policy-selector');
  const namespaceSelector = global ? readCalicoSelector(spec, 'namespaceSelector', 'policy-namespace-selector') : undefined;
  const serviceAccountSelector = readCalicoSelector(spec, 'serviceAccountSelector', 'policy-service-account-selector');
  const types = listField(spec, 'types', (node) => scalarText(node));
  const ingress = listField(spec, 'ingress', (node, index) => readCalicoRule(node, index, 'ingress'));
  const egress = listField(spec, 'egress', (node, index) => readCalicoRule(node, index, 'egress'));
  const performanceHints = listField(spec, 'performanceHints', (node) => scalarText(node));
  const flags = global ? readHostFlags(spec) : {};
  return {
    span: spec.span,
    keySpan: found.pair.key.span,
    ...(tier && { tier }),
    ...(order && { order }),
    ...(selector && { selector }),
    ...(namespaceSelector && { namespaceSelector }),
    ...(serviceAccountSelector && { serviceAccountSelector }),
    ...(types && { types }),
    ...(ingress && { ingress }),
    ...(egress && { egress }),
    ...(performanceHints && { performanceHints }),
    ...flags,
  };
}

function readHostFlags(spec: YMap): Pick<CalicoPolicySpec, 'doNotTrack' | 'preDNAT' | 'applyOnForward'> {
  const doNotTrack = booleanField(spec, 'doNotTrack');
  const preDNAT = booleanField(spec, 'preDNAT');
  const applyOnForward = booleanField(spec, 'applyOnForward');
  return { ...(doNotTrack && { doNotTrack }), ...(preDNAT && { preDNAT }), ...(applyOnForward && { applyOnForward }) };
}

function booleanField(map: YMap, key: string): Field<boolean> | undefined {
  const pair = getPair(map, key);
  if (!pair || !isScalar(pair.value) || typeof pair.value.value !== 'boolean') return undefined;
  return { value: pair.value.value, span: pair.value.span, keySpan: pair.key.span };
}

/** The Calico policies among a file's objects, in file order. */
export function readCalicoPolicies(objects: readonly ObjectRef[]): CalicoPolicy[] {
  return objects.filter(isCalicoPolicy).map(readCalicoPolicy);
}
