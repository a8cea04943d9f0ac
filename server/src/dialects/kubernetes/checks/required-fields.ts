/**
 * apiVersion and metadata.name must be present, as the API server requires (`kind` is
 * what made this a NetworkPolicy). A `generateName` stands in for a name with
 * `kubectl create`, so it silences the missing-name error.
 */
import { getPair, isMap, isNullish } from '../../../core/parse/yaml-tree';
import type { NetworkPolicy } from '../../../model/types';
import { NETWORK_POLICY_API_VERSION } from '../model/read-network-policy';
import { finding, type Finding } from '../../../core/finding';
import type { PolicyCheck } from './check';
import { dataAt } from '../../../analysis/checks/finding-data';

export const requiredFieldsCheck: PolicyCheck = {
  id: 'required-fields',
  run(policy: NetworkPolicy): Finding[] {
    const { ref, metadata } = policy;
    const anchor = ref.kind?.keySpan ?? ref.node.span;
    const findings: Finding[] = [];
    if (!ref.apiVersion) {
      const message = `Missing "apiVersion": a NetworkPolicy needs "apiVersion: ${NETWORK_POLICY_API_VERSION}".`;
      findings.push(finding('netpol/missing-field', 'error', message, anchor, { data: dataAt(ref, [], { field: 'apiVersion' }) }));
    } else if (ref.apiVersion.value !== NETWORK_POLICY_API_VERSION) {
      const message = `NetworkPolicy is served as "${NETWORK_POLICY_API_VERSION}", not "${ref.apiVersion.value}": change apiVersion to "${NETWORK_POLICY_API_VERSION}".`;
      findings.push(finding('netpol/unsupported-api-version', 'error', message, ref.apiVersion.span, { data: dataAt(ref, ['apiVersion'], { expected: NETWORK_POLICY_API_VERSION, value: ref.apiVersion.value, suggestion: NETWORK_POLICY_API_VERSION }) }));
    }
    const metadataPair = getPair(ref.node, 'metadata');
    const metadataNode = metadataPair?.value;
    const generated = isMap(metadataNode) && getPair(metadataNode, 'generateName') !== undefined;
    // A name of the wrong type is the schema check's to report; only an absent one is reported here.
    const written = isMap(metadataNode) && !isNullish(getPair(metadataNode, 'name')?.value);
    if (!metadata.name && !generated && !written) {
      const span = metadataPair?.key.span ?? anchor;
      const message = 'Missing "metadata.name": every NetworkPolicy needs a name, e.g. "allow-web-to-api".';
      findings.push(finding('netpol/missing-field', 'error', message, span, { data: dataAt(ref, ['metadata'], { field: 'metadata.name' }) }));
    }
    return findings;
  },
};
