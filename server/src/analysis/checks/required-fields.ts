/** apiVersion, kind, metadata.name and spec must be present, as the API server requires. */
import type { NetworkPolicy } from '../../model/types';
import { NETWORK_POLICY_API_VERSION } from '../../model/objects';
import { finding, type Finding } from '../finding';
import type { PolicyCheck } from './check';

export const requiredFieldsCheck: PolicyCheck = {
  id: 'required-fields',
  run(policy: NetworkPolicy): Finding[] {
    const { ref, metadata } = policy;
    const data = { docIndex: ref.docIndex, ...(ref.listIndex !== undefined && { listIndex: ref.listIndex }) };
    const anchor = ref.kind?.keySpan ?? ref.node.span;
    const findings: Finding[] = [];
    if (!ref.apiVersion) {
      findings.push(finding('netpol/missing-field', 'error', `Missing "apiVersion": a NetworkPolicy needs "apiVersion: ${NETWORK_POLICY_API_VERSION}".`, anchor, { data: { ...data, field: 'apiVersion' } }));
    } else if (ref.apiVersion.value !== NETWORK_POLICY_API_VERSION) {
      findings.push(
        finding('netpol/unsupported-api-version', 'error', `NetworkPolicy is served as "${NETWORK_POLICY_API_VERSION}", not "${ref.apiVersion.value}".`, ref.apiVersion.span, {
          data: { ...data, expected: NETWORK_POLICY_API_VERSION },
        }),
      );
    }
    if (!metadata.name) {
      const span = metadata.span ?? anchor;
      findings.push(finding('netpol/missing-field', 'error', 'Missing "metadata.name": every NetworkPolicy needs a name.', span, { data: { ...data, field: 'metadata.name' } }));
    }
    return findings;
  },
};
