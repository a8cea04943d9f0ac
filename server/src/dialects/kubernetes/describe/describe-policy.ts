/**
 * A NetworkPolicy rendered exactly as `kubectl describe networkpolicy` (kubectl 1.32)
 * prints it, from the file alone.
 *
 * kubectl describes what the API server stored, so the server's defaults are applied
 * first: policyTypes (Ingress, plus Egress when egress rules exist) and protocol TCP.
 * Where the file cannot say what the cluster would, we choose:
 * - Namespace: kubectl prints the namespace the object was created in, which for a file
 *   without `metadata.namespace` is the current context's, `default` unless configured.
 *   We print `default`.
 * - Created on: the server sets it on creation; we print it only when the file has
 *   `metadata.creationTimestamp` (from `kubectl get -o yaml`, say), in UTC.
 *
 * The lines are built with kubectl's tabs, then escaped and aligned as kubectl's writer
 * does, so values with tabs or control characters come out as kubectl prints them too.
 */
import type { NetworkPolicy } from '../../../model/types';
import { effectivePolicyTypes } from '../policy-defaults';
import { atLeast, NEWEST_KUBERNETES, type KubernetesVersion } from '../../../analysis/profile/cluster-profile';
import { formatCreationTime } from './creation-time';
import { formatLabelSelector, isEmptySelector } from './format-selector';
import { annotationLines, labelLines } from './metadata-lines';
import { ruleLines } from './rule-lines';
import { alignTabs } from './tab-writer';

/** The namespace a file without `metadata.namespace` lands in, with kubectl's default context. */
const DEFAULT_NAMESPACE = 'default';

/** kubectl 1.31 added `To Port Range:` for endPort (kubernetes/kubernetes#123316). */
const PORT_RANGE_SINCE: KubernetesVersion = { major: 1, minor: 31 };

/** What changes between kubectl releases: kubectl before 1.31 printed a port range as its first port only. */
export interface DescribeOptions {
  readonly kubectlVersion?: KubernetesVersion;
}

/** The full describe text, ending with a newline. */
export function describeNetworkPolicy(policy: NetworkPolicy, options: DescribeOptions = {}): string {
  const rangeFormat = atLeast(options.kubectlVersion ?? NEWEST_KUBERNETES, PORT_RANGE_SINCE);
  const lines = [...headerLines(policy), ...specLines(policy, rangeFormat)];
  return alignTabs(escapeTerminal(lines.join('\n') + '\n'));
}

/** The namespace describe shows for a policy; an empty one counts as absent, as it does for kubectl. */
export function describedNamespace(policy: NetworkPolicy): string {
  return policy.metadata.namespace?.value || DEFAULT_NAMESPACE;
}

function headerLines(policy: NetworkPolicy): string[] {
  const { name, creationTimestamp, labels, annotations } = policy.metadata;
  const created = creationTimestamp ? [`Created on:\t${formatCreationTime(creationTimestamp.value)}`] : [];
  return [`Name:\t${name?.value ?? ''}`, `Namespace:\t${describedNamespace(policy)}`, ...created, ...labelLines(labels), ...annotationLines(annotations)];
}

function specLines(policy: NetworkPolicy, rangeFormat: boolean): string[] {
  const { podSelector, ingress, egress } = policy.spec;
  const selected = podSelector && !isEmptySelector(podSelector) ? formatLabelSelector(podSelector) : '<none> (Allowing the specific traffic to all pods in this namespace)';
  const types = storedPolicyTypes(policy);
  // kubectl writes "PodSelector: " one level in and its value two levels in on the same line: 5 spaces.
  const lines = ['Spec:', `  PodSelector:     ${selected}`];
  if (types.includes('Ingress')) lines.push('  Allowing ingress traffic:', ...ruleLines(ingress?.items ?? [], 'ingress', rangeFormat));
  else lines.push('  Not affecting ingress traffic');
  if (types.includes('Egress')) lines.push('  Allowing egress traffic:', ...ruleLines(egress?.items ?? [], 'egress', rangeFormat));
  else lines.push('  Not affecting egress traffic');
  lines.push(`  Policy Types: ${types.join(', ') || '<none>'}`);
  return lines;
}

/**
 * policyTypes as the API server stores them: a written list is kept as written (order and
 * repeats included, since kubectl prints it verbatim); an absent or empty one gets the defaults.
 */
function storedPolicyTypes(policy: NetworkPolicy): string[] {
  const written = policy.spec.policyTypes?.items ?? [];
  return written.length > 0 ? written.map((type) => type.value) : effectivePolicyTypes(policy);
}

/** kubectl's writer shows ESC and CR visibly instead of letting them act on the terminal. */
function escapeTerminal(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}
