/**
 * The object as the API server with the CRD stores it: apiVersion, name (a
 * BaselineAdminNetworkPolicy must be `default`), spec, tier, priority and subject.
 * Messages quote the field path and the CRD's own words where it has them.
 */
import type { Finding } from '../../../core/finding';
import type { ClusterPolicy } from '../model/types';
import { selectionFindings } from './selection-check';
import { POLICY_GROUP } from '../model/read-policy';
import { reporter } from './report';
import { SERVED_VERSION } from './versions';

/** A DNS subdomain (RFC 1123), as the API server requires of these names. */
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

export function objectFindings(policy: ClusterPolicy): Finding[] {
  const report = reporter(policy);
  const { ref, metadata, kind, spec } = policy;
  const anchor = ref.kind?.span ?? ref.node.span;
  const findings: Finding[] = [];
  const expected = `${POLICY_GROUP}/${SERVED_VERSION[kind]}`;
  if (!ref.apiVersion) findings.push(report('cnp/missing-field', 'error', `Missing "apiVersion": a ${kind} needs "apiVersion: ${expected}".`, anchor, { field: 'apiVersion', expected }));
  else if (ref.apiVersion.value !== expected) findings.push(report('cnp/unsupported-api-version', 'error', `${kind} is served as "${expected}", not "${ref.apiVersion.value}": the API server has no ${kind} in that version.`, ref.apiVersion.span, { expected }));
  if (!metadata.name) findings.push(report('cnp/missing-field', 'error', `Missing "metadata.name": every ${kind} needs a name.`, metadata.span ?? anchor, { field: 'metadata.name' }));
  else if (!SUBDOMAIN.test(metadata.name.value) || metadata.name.value.length > 253) {
    findings.push(report('cnp/invalid-name', 'error', `metadata.name: Invalid value: "${metadata.name.value}": ${SUBDOMAIN_MESSAGE}`, metadata.name.span));
  }
  else if (kind === 'BaselineAdminNetworkPolicy' && metadata.name.value !== 'default') {
    findings.push(report('cnp/baseline-name', 'error', `Only one baseline admin network policy with metadata.name="default" can be created in the cluster; this one is named "${metadata.name.value}".`, metadata.name.span, { expected: 'default' }));
  }
  if (metadata.namespace) findings.push(report('cnp/namespace-ignored', 'warning', `A ${kind} is cluster-scoped: "metadata.namespace" is ignored. Its subject says which pods it applies to.`, metadata.namespace.keySpan ?? metadata.namespace.span));
  if (!spec) {
    findings.push(report('cnp/missing-field', 'error', 'spec: Required value', metadata.span ?? anchor, { field: 'spec' }));
    return findings;
  }
  if (kind === 'ClusterNetworkPolicy') {
    if (!spec.tier) findings.push(report('cnp/missing-field', 'error', 'spec.tier: Required value: write "Admin" or "Baseline".', spec.keySpan, { field: 'spec.tier' }));
    else if (spec.tier.value !== 'Admin' && spec.tier.value !== 'Baseline') findings.push(report('cnp/invalid-value', 'error', `spec.tier: Unsupported value: "${spec.tier.value}": supported values: "Admin", "Baseline"`, spec.tier.span));
  }
  if (kind !== 'BaselineAdminNetworkPolicy') {
    if (!spec.priority) findings.push(report('cnp/missing-field', 'error', 'spec.priority: Required value: a number from 0 (evaluated first) to 1000.', spec.keySpan, { field: 'spec.priority' }));
    else if (spec.priority.value < 0 || spec.priority.value > 1000) {
      const bound = spec.priority.value < 0 ? 'greater than or equal to 0' : 'less than or equal to 1000';
      findings.push(report('cnp/invalid-value', 'error', `spec.priority: Invalid value: ${spec.priority.value}: spec.priority in body should be ${bound}`, spec.priority.span));
    }
  } else if (spec.priority) findings.push(report('cnp/unknown-field', 'error', 'spec.priority: unknown field "spec.priority": a BaselineAdminNetworkPolicy has no priority (there is only one); remove it.', spec.priority.keySpan ?? spec.priority.span));
  if (!spec.subject) findings.push(report('cnp/missing-field', 'error', 'spec.subject: Required value: the pods the policy applies to, by "namespaces" or "pods".', spec.keySpan, { field: 'spec.subject' }));
  else findings.push(...selectionFindings(policy, spec.subject, 'spec.subject', ['namespaces', 'pods'], report));
  return findings;
}
