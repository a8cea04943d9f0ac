/**
 * apiVersion, kind and metadata.name as Calico's API server needs them, and a
 * namespace only where one means something.
 */
import type { Finding } from '../../../core/finding';
import { CALICO_API_VERSION, type CalicoPolicy } from '../model/types';
import { reporter, type CalicoCheck } from './check';

export const requiredFieldsCheck: CalicoCheck = {
  id: 'required-fields',
  run(policy: CalicoPolicy): Finding[] {
    const report = reporter(policy);
    const { ref, metadata, kind } = policy;
    const anchor = ref.kind?.keySpan ?? ref.node.span;
    const findings: Finding[] = [];
    if (!ref.apiVersion) {
      findings.push(report('calico/missing-field', 'error', `Missing "apiVersion": a Calico ${kind} needs "apiVersion: ${CALICO_API_VERSION}".`, anchor, { field: 'apiVersion' }));
    } else if (ref.apiVersion.value.startsWith('crd.projectcalico.org/')) {
      const message = `"${ref.apiVersion.value}" is Calico's internal storage version: written directly, it skips Calico's validation and defaulting. Use "${CALICO_API_VERSION}".`;
      findings.push(report('calico/unsupported-api-version', 'warning', message, ref.apiVersion.span, { expected: CALICO_API_VERSION }));
    } else if (ref.apiVersion.value !== CALICO_API_VERSION) {
      const message = `Calico serves ${kind} as "${CALICO_API_VERSION}", not "${ref.apiVersion.value}".`;
      findings.push(report('calico/unsupported-api-version', 'error', message, ref.apiVersion.span, { expected: CALICO_API_VERSION }));
    }
    if (!metadata.name) {
      findings.push(report('calico/missing-field', 'error', `Missing "metadata.name": every ${kind} needs a name.`, metadata.span ?? anchor, { field: 'metadata.name' }));
    }
    if (kind === 'GlobalNetworkPolicy' && metadata.namespace) {
      const message = 'A GlobalNetworkPolicy is cluster-wide: "metadata.namespace" is ignored. To limit it to namespaces, use "spec.namespaceSelector".';
      findings.push(report('calico/namespace-ignored', 'warning', message, metadata.namespace.keySpan ?? metadata.namespace.span, { field: 'metadata.namespace' }));
    }
    return findings;
  },
};
