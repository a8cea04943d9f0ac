/**
 * "Add default-deny policy for this namespace": appends, as a new document of the same
 * file, the Kubernetes docs' "default deny all ingress and all egress traffic" policy
 * (`default-deny-all`: empty podSelector, policyTypes Ingress and Egress) in the
 * namespace of the policy under the cursor, with the one egress rule every such policy
 * needs: DNS to kube-dns, without which every name lookup of the namespace fails.
 * Not offered when the file already has a policy of that name or an equivalent
 * deny-all in that namespace, when the policy under the cursor names no valid
 * namespace (the new policy would land wherever kubectl points), nor in JSON files,
 * where a second YAML document has no place.
 */
import { kubernetesPoliciesOf } from '../reading';
import type { NetworkPolicy } from '../../../model/types';
import type { FileAnalysis } from '../../../analysis/file-analysis';
import { policyAllowsDns } from '../checks/dns-reach';
import { isEmptySelector } from '../checks/selector-match';
import { dnsLabelProblems } from '../checks/validators/names';
import { effectivePolicyTypes } from '../policy-defaults';
import { DNS_RULE } from './allow-dns-fix';
import { insert, type Fix } from '../../../analysis/fixes/fix';
import { editContext } from '../../../analysis/fixes/edit-context';
import { mapLines, type RMap } from '../../../analysis/fixes/render-yaml';

const DEFAULT_DENY_NAME = 'default-deny-all';

export function defaultDenyAction(analysis: FileAnalysis, policy: NetworkPolicy): Fix | undefined {
  const namespace = policy.metadata.namespace?.value;
  if (namespace === undefined || dnsLabelProblems(namespace).length > 0) return undefined;
  if (kubernetesPoliciesOf(analysis).some((p) => p.metadata.namespace?.value === namespace && (p.metadata.name?.value === DEFAULT_DENY_NAME || isDenyAll(p)))) return undefined;
  const ctx = editContext(analysis, policy.ref.docIndex);
  if (ctx.json) return undefined;
  const document: RMap = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: DEFAULT_DENY_NAME, namespace },
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], egress: [DNS_RULE] },
  };
  const text = ctx.text;
  const eol = ctx.style.eol;
  const lead = text.length === 0 || text.endsWith('\n') ? '' : eol;
  const body = ['---', ...mapLines(document, 0, ctx.style)].join(eol) + eol;
  const title = `Add default-deny policy for this namespace (${namespace})`;
  return { title, kind: 'source', edits: [insert(text.length, lead + body)] };
}

/** A policy that selects every pod and isolates both directions without allowing anything but DNS. */
function isDenyAll(policy: NetworkPolicy): boolean {
  const types = effectivePolicyTypes(policy);
  const egress = policy.spec.egress?.items ?? [];
  const noRules = (policy.spec.ingress?.items.length ?? 0) === 0 && (egress.length === 0 || (egress.length === 1 && policyAllowsDns(policy)));
  const selector = policy.spec.podSelector;
  return noRules && types.includes('Ingress') && types.includes('Egress') && (!selector || isEmptySelector(selector));
}
