/**
 * The classic trap: once a policy puts its pods under egress isolation, DNS is denied
 * like everything else, and the pods fail in confusing ways ("could not resolve
 * host"). Warned when no egress rule of this policy, nor of another policy in the
 * file that selects at least the same pods in the same namespace, allows DNS (see
 * dns-reach.ts for what counts). A pure deny-all egress policy is usually deliberate,
 * yet it loses DNS too, so it is warned with words that say so.
 */
import { getPair, isMap, isSeq, type YMap } from '../../../core/parse/yaml-tree';
import { memoByObject } from '../../../model/memo';
import type { NetworkPolicy } from '../../../model/types';
import { affects } from '../policy-defaults';
import { finding, type Finding } from '../../../core/finding';
import type { CheckContext, PolicyCheck } from './check';
import { dataAt } from '../../../analysis/checks/finding-data';
import { hasSyntaxErrors } from './document-state';
import { policyAllowsDns } from './dns-reach';
import { portsAdmit } from './rule-ports';
import { selectorCovers } from './selector-match';

export const dnsEgressCheck: PolicyCheck = {
  id: 'dns-egress',
  crossDocument: true,
  run(policy: NetworkPolicy, context: CheckContext): Finding[] {
    if (hasSyntaxErrors(policy, context) || !affects(policy, 'Egress') || policyAllowsDns(policy)) return [];
    const sameNamespace = dnsAllowingPolicies(context.policies).get(policy.metadata.namespace?.value);
    if (sameNamespace?.some((other) => other !== policy && allowsDnsFor(other, policy))) return [];
    return warningFor(policy);
  },
};

/**
 * The ipBlocks of the policy's egress rules that admit DNS, as `cidr` and `except`
 * texts: whether one reaches the kube-dns pods depends on the cluster profile (does the
 * plugin match pod addresses, and where are they), which decides later (profile/address-gates.ts).
 */
function dnsAddressRanges(policy: NetworkPolicy): { cidr: string; except: string[] }[] {
  const ranges: { cidr: string; except: string[] }[] = [];
  for (const rule of policy.spec.egress?.items ?? []) {
    if (!portsAdmit(rule, 'UDP', 53, 'dns')) continue;
    for (const peer of rule.peers?.items ?? []) {
      const cidr = peer.ipBlock?.cidr?.value;
      if (cidr !== undefined) ranges.push({ cidr, except: peer.ipBlock!.except.map((e) => e.value) });
    }
  }
  return ranges;
}

/** The warning depends on the policy alone (whether to give it does not), so it is built once per policy object. */
const warningFor = memoByObject((policy: NetworkPolicy): Finding[] => {
  const spec = getPair(policy.ref.node, 'spec')?.value;
  if (!isMap(spec)) return [];
  const ruleCount = policy.spec.egress?.items.length ?? 0;
  const message =
    ruleCount === 0
      ? 'This policy denies all egress, DNS included: the selected pods cannot even resolve names, which breaks most of them in confusing ways. If the lock-down is deliberate, still allow DNS egress (UDP/TCP 53) to kube-dns.'
      : 'Egress from the selected pods is restricted and no rule allows DNS (UDP port 53) to kube-dns, so every name lookup will fail. Allow DNS egress to kube-dns in kube-system.';
  const ranges = dnsAddressRanges(policy);
  return [finding('netpol/egress-without-dns', 'warning', message, anchorSpan(spec), { data: dataAt(policy.ref, ['spec'], { denyAll: ruleCount === 0, ...(ranges.length > 0 && { dnsAddressRanges: ranges }) }) })];
});

/** Whether `other` (a policy that allows DNS) covers every pod `policy` isolates: same namespace, a selector at least as broad. */
function allowsDnsFor(other: NetworkPolicy, policy: NetworkPolicy): boolean {
  if (other.metadata.namespace?.value !== policy.metadata.namespace?.value) return false;
  return selectorCovers(other.spec.podSelector, policy.spec.podSelector);
}

/**
 * The file's policies that allow DNS by namespace (as written; undefined when unset),
 * computed once per file: checks run once per policy, and asking every other policy each
 * time would cost the square of their number. Only a policy of the same namespace can
 * cover another (allowsDnsFor), so only those are asked.
 */
const DNS_ALLOWING = new WeakMap<readonly NetworkPolicy[], Map<string | undefined, NetworkPolicy[]>>();

function dnsAllowingPolicies(policies: readonly NetworkPolicy[]): Map<string | undefined, NetworkPolicy[]> {
  let found = DNS_ALLOWING.get(policies);
  if (!found) {
    found = new Map();
    for (const policy of policies) {
      if (!policyAllowsDns(policy)) continue;
      const namespace = policy.metadata.namespace?.value;
      const inNamespace = found.get(namespace);
      if (inNamespace) inNamespace.push(policy);
      else found.set(namespace, [policy]);
    }
    DNS_ALLOWING.set(policies, found);
  }
  return found;
}

/** The `egress` key when there is one, else the `Egress` entry of policyTypes that isolates egress. */
function anchorSpan(spec: YMap): { start: number; end: number } {
  const egress = getPair(spec, 'egress');
  if (egress) return egress.key.span;
  const types = getPair(spec, 'policyTypes');
  if (types && isSeq(types.value)) {
    const entry = types.value.items.find((item) => item.kind === 'scalar' && item.value === 'Egress');
    if (entry) return entry.span;
  }
  return types?.key.span ?? spec.span;
}
