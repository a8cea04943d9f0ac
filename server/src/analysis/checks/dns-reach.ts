/**
 * What "this policy allows DNS" means. A rule allows DNS when its ports admit UDP 53
 * (no ports at all, a UDP port 53 or a UDP range over 53, or CoreDNS's named port
 * "dns") and one of its destinations could be the cluster DNS pods: no `to` at all,
 * an ipBlock over private address space (where pod and service IPs live), or
 * selectors that could match the DNS pods in their namespace (kube-dns/CoreDNS in
 * kube-system, node-local-dns, OpenShift's openshift-dns). Labels nobody can know
 * offline are judged leniently (any value mentioning "dns" or "kube-system").
 */
import { memoByObject } from '../../model/memo';
import type { NetworkPolicy, Peer, PolicyRule } from '../../model/types';
import { affects } from '../policy-defaults';
import { portsAdmit } from './rule-ports';
import { couldSelect, type KnownObject } from './selector-match';
import { cidrContains, parseCidr, type Cidr } from './validators/cidr';

const DNS_NAMESPACES = ['kube-system', 'openshift-dns'];

const NAMESPACES: readonly KnownObject[] = DNS_NAMESPACES.map((name) => ({
  labels: { 'kubernetes.io/metadata.name': name },
  plausibleValue: (value: string) => value === name || value.includes('dns'),
}));

const DNS_POD_LABELS: readonly Record<string, string>[] = [{ 'k8s-app': 'kube-dns' }, { 'k8s-app': 'node-local-dns' }, { 'dns.operator.openshift.io/daemonset-dns': 'default' }];

const DNS_PODS: readonly KnownObject[] = DNS_POD_LABELS.map((labels) => ({
  labels,
  plausibleValue: (value: string) => value.includes('dns'),
}));

/** RFC 1918, shared (CGNAT) and unique-local space: where cluster pod and service CIDRs are chosen. */
const PRIVATE_RANGES: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'].map((c) => parseCidr(c)!);

export function ruleAllowsDns(rule: PolicyRule, policyNamespace: string | undefined): boolean {
  return ruleAllowsDnsOver(rule, policyNamespace, 'UDP');
}

/** Whether a rule lets its pods reach cluster DNS over one protocol (CoreDNS names its TCP port "dns-tcp"). */
export function ruleAllowsDnsOver(rule: PolicyRule, policyNamespace: string | undefined, protocol: 'UDP' | 'TCP'): boolean {
  return portsAdmit(rule, protocol, 53, protocol === 'UDP' ? 'dns' : 'dns-tcp') && peersReachDns(rule, policyNamespace);
}

/**
 * Whether the policy's own egress rules let its pods reach cluster DNS (false if it
 * does not restrict egress). Asked of every policy of a file on every edit; a policy
 * from an untouched document is the same object, so the answer is kept.
 */
export const policyAllowsDns = memoByObject((policy: NetworkPolicy): boolean => {
  if (!affects(policy, 'Egress')) return false;
  return (policy.spec.egress?.items ?? []).some((rule) => ruleAllowsDns(rule, policy.metadata.namespace?.value));
});

function peersReachDns(rule: PolicyRule, policyNamespace: string | undefined): boolean {
  const peers = rule.peers;
  if (!peers || peers.node.kind !== 'seq' || peers.node.items.length === 0) return true;
  return peers.items.some((peer) => peerReachesDns(peer, policyNamespace));
}

function peerReachesDns(peer: Peer, policyNamespace: string | undefined): boolean {
  if (peer.ipBlock) {
    const cidr = peer.ipBlock.cidr ? parseCidr(peer.ipBlock.cidr.value) : undefined;
    if (!cidr) return false;
    const except = peer.ipBlock.except.map((e) => parseCidr(e.value)).filter((e): e is Cidr => e !== undefined);
    // A private range counts when the block overlaps it and no except removes all of it.
    return PRIVATE_RANGES.some((range) => (cidrContains(cidr, range) || cidrContains(range, cidr)) && !except.some((e) => cidrContains(e, range) || cidrContains(e, cidr)));
  }
  const podsOk = DNS_PODS.some((pod) => couldSelect(peer.podSelector, pod));
  if (peer.namespaceSelector) return podsOk && NAMESPACES.some((ns) => couldSelect(peer.namespaceSelector, ns));
  // A podSelector alone selects pods of the policy's own namespace.
  return podsOk && policyNamespace !== undefined && DNS_NAMESPACES.includes(policyNamespace);
}
