/**
 * What every Kubernetes cluster has without any manifest saying so: the namespaces
 * `default` and `kube-system`, and the cluster DNS (kube-dns, or CoreDNS under the
 * same `k8s-app: kube-dns` label) in kube-system. Most application repositories hold
 * no kube-system manifests, yet their policies rightly allow DNS to it; knowing these
 * keeps such peers from reading as "matches nothing".
 *
 * They take part in workspace findings and hovers. Reachability leaves
 * them out: its matrix shows what the workspace declares, and an implicit DNS row and
 * column in every workspace (reached by every pod whose egress is open) would crowd
 * out what the user wrote. A workspace that declares a kube-dns workload itself
 * replaces the implicit one.
 */
import { labelSetOf, selectorMatches, type CompiledSelector, type LabelSet } from '../model/selectors';
import type { ReachContainerPort } from '../evaluate/types';

export const CLUSTER_NAMESPACES: readonly string[] = ['default', 'kube-system'];

export interface ClusterWorkload {
  readonly namespace: string;
  readonly name: string;
  readonly labels: LabelSet;
  readonly ports: readonly ReachContainerPort[];
  /** How hovers name it: `kube-dns (present in every cluster)`. */
  readonly display: string;
}

const KUBE_DNS_LABELS = labelSetOf([['k8s-app', 'kube-dns']]);

const KUBE_DNS: ClusterWorkload = {
  namespace: 'kube-system',
  name: 'kube-dns',
  labels: KUBE_DNS_LABELS,
  // CoreDNS's container ports, as kubeadm and the managed clusters deploy it.
  ports: [
    { name: 'dns', port: 53, protocol: 'UDP' },
    { name: 'dns-tcp', port: 53, protocol: 'TCP' },
    { name: 'metrics', port: 9153, protocol: 'TCP' },
  ],
  display: 'kube-dns (present in every cluster)',
};

/** The implicit workloads a workspace with these declared workloads still lacks. */
export function clusterWorkloads(declared: readonly { readonly namespace: string; readonly labels: LabelSet }[]): ClusterWorkload[] {
  const dnsDeclared = declared.some((w) => w.namespace === KUBE_DNS.namespace && w.labels.labels.get('k8s-app') === 'kube-dns');
  return dnsDeclared ? [] : [KUBE_DNS];
}

export function clusterWorkloadsSelectedBy(workloads: readonly ClusterWorkload[], namespace: string, selector: CompiledSelector): ClusterWorkload[] {
  return workloads.filter((w) => w.namespace === namespace && selectorMatches(selector, w.labels));
}
