/**
 * An Admin or Baseline Deny that blocks cluster DNS, asked of the policy's lowered
 * rules (the ones reachability runs): the first egress rule of the policy that
 * matches the kube-dns pods on UDP 53 decides, and a Deny there cuts DNS off for
 * every subject pod that nothing earlier lets through.
 */
import type { Finding } from '../../../core/finding';
import { labelSetOf } from '../../../model/selectors';
import { matchesPod, type PodView } from '../../../ir/endpoint-match';
import { portsContain } from '../../../ir/port-set';
import { portsConnections } from '../../../ir/rule-ports';
import type { ClusterPolicy } from '../model/types';
import { lowerClusterPolicy } from '../reach/lower-policy';
import { tierOf } from '../model/tier';
import { reporter } from './report';

/** CoreDNS as every cluster runs it: `k8s-app: kube-dns` in kube-system, ports dns (UDP 53) and dns-tcp (TCP 53). */
const KUBE_DNS: PodView = {
  namespace: 'kube-system',
  namespaceLabels: labelSetOf([['kubernetes.io/metadata.name', 'kube-system']]),
  labels: labelSetOf([['k8s-app', 'kube-dns']]),
};
const KUBE_DNS_PORTS = [
  { name: 'dns', port: 53, protocol: 'UDP' },
  { name: 'dns-tcp', port: 53, protocol: 'TCP' },
];

export function dnsFindings(policy: ClusterPolicy): Finding[] {
  const lowered = lowerClusterPolicy({ uri: '', policy, problems: [] });
  if (!lowered.ok || !lowered.policy.egress) return [];
  for (const [i, rule] of lowered.policy.egress.entries()) {
    const reachesDns = rule.peers === null || rule.peers.some((peer) => matchesPod(peer.match, KUBE_DNS));
    if (!reachesDns || !portsContain(portsConnections(rule.ports, KUBE_DNS_PORTS).UDP, 53)) continue;
    if (rule.action !== 'Deny') return [];
    const written = policy.spec!.egress!.items[i]!;
    const who = tierOf(policy) === 'Admin' ? 'every subject pod' : 'every subject pod that no NetworkPolicy selects for egress';
    const message = `This Deny blocks DNS: it matches the cluster DNS pods (k8s-app=kube-dns in kube-system) on UDP 53, and no earlier rule of ${policy.kind} ${policy.metadata.name?.value ?? ''} lets DNS through, so ${who} fails to resolve names. Allow (or Pass) DNS before it.`;
    return [reporter(policy)('cnp/deny-blocks-dns', 'warning', message, written.action?.span ?? written.span, { rule: i })];
  }
  return [];
}
