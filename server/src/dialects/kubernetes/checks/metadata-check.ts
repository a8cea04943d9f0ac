/**
 * metadata as ValidateObjectMeta checks it: the name is a DNS subdomain, the namespace
 * a DNS label, label keys/values and annotation keys well-formed. A missing namespace
 * is legal (kubectl fills in its current one) and gets a hint, since the policy then
 * lands wherever the terminal happens to point.
 */
import { getPair, isMap } from '../../../core/parse/yaml-tree';
import type { Field, NetworkPolicy, ObjectRef } from '../../../model/types';
import { finding, type Finding } from '../../../core/finding';
import type { CheckContext, PolicyCheck } from './check';
import { hasSyntaxErrors } from './document-state';
import { dataAt } from '../../../analysis/checks/finding-data';
import { labelMapFindings } from './label-rules';
import { dnsLabelProblems, dnsSubdomainProblems, joinProblems } from './validators/names';

export const metadataCheck: PolicyCheck = {
  id: 'metadata',
  run(policy: NetworkPolicy, context: CheckContext): Finding[] {
    const { ref, metadata } = policy;
    const findings: Finding[] = [];
    if (metadata.name) findings.push(...nameFindings(ref, metadata.name, 'name'));
    if (metadata.namespace) findings.push(...nameFindings(ref, metadata.namespace, 'namespace'));
    const map = getPair(ref.node, 'metadata')?.value;
    if (isMap(map)) {
      findings.push(...labelMapFindings(ref, getPair(map, 'labels')?.value, 'label'));
      findings.push(...labelMapFindings(ref, getPair(map, 'annotations')?.value, 'annotation'));
      if (!getPair(map, 'namespace') && !hasSyntaxErrors(policy, context)) findings.push(missingNamespace(ref, map.span, getPair(map, 'name')?.value?.span));
    }
    return findings;
  },
};

function nameFindings(ref: ObjectRef, field: Field<string>, which: 'name' | 'namespace'): Finding[] {
  const problems = which === 'name' ? dnsSubdomainProblems(field.value) : dnsLabelProblems(field.value);
  if (problems.length === 0) return [];
  const suggestion = sanitizeName(field.value, which);
  const rule = which === 'name' ? 'a DNS subdomain' : 'a DNS label';
  const what = which === 'name' ? 'NetworkPolicy name' : 'Namespace';
  let message = `${what} "${field.value}" is invalid: ${joinProblems(problems)} (${rule}).`;
  if (suggestion) message += ` Try "${suggestion}".`;
  const code = which === 'name' ? 'netpol/invalid-name' : 'netpol/invalid-namespace';
  const data = dataAt(ref, ['metadata', which], { value: field.value, ...(suggestion && { suggestion }) });
  return [finding(code, 'error', message, field.span, { data })];
}

/** A valid name close to what was written: lower case, other characters turned into '-'. */
function sanitizeName(value: string, which: 'name' | 'namespace'): string | undefined {
  const allowed = which === 'name' ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g;
  const max = which === 'name' ? 253 : 63;
  const cleaned = value
    .toLowerCase()
    .replace(allowed, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, max)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  const valid = which === 'name' ? dnsSubdomainProblems(cleaned) : dnsLabelProblems(cleaned);
  return cleaned.length > 0 && valid.length === 0 && cleaned !== value ? cleaned : undefined;
}

function missingNamespace(ref: ObjectRef, metadataSpan: { start: number; end: number }, nameSpan: { start: number; end: number } | undefined): Finding {
  const message =
    'No metadata.namespace: this policy applies to whatever namespace kubectl targets when it is applied (often "default"). Set the namespace explicitly so the policy always protects the pods you mean.';
  return finding('netpol/missing-namespace', 'warning', message, nameSpan ?? metadataSpan, { data: dataAt(ref, ['metadata']) });
}
