/**
 * The DNS trap in Calico's ordered world: egress from a policy's pods ends in a
 * deny (a Deny rule that matches DNS, or the end of the tier), and no rule
 * evaluated before that point allows DNS (UDP port 53 to the cluster DNS pods,
 * `k8s-app == "kube-dns"` in kube-system). The pods then cannot resolve names.
 *
 * An allowance counts when it plausibly reaches the DNS pods (selectors are
 * tried on their usual labels, and values mentioning "dns" or "kube-system" are
 * given the benefit of the doubt); a Deny counts only when it surely matches DNS
 * for every pod of its policy, so the warning is not raised on a guess.
 */
import { evaluateSelector } from '../selector/evaluate';
import type { SelectorNode } from '../selector/ast';
import { parseNet } from '../model/cidr';
import { appliesToAllOf } from './covers';
import { cidrsDisjoint } from '../../../core/net/cidr';
import { evaluatedBefore } from './shadowing';
import type { EntityShape, PolicyShape, PortShape, RuleShape } from './shapes';

const DNS_NAMESPACE = 'kube-system';
const DNS_POD_LABEL = ['k8s-app', 'kube-dns'] as const;
const UDP = 17;
const DNS_PORT = 53;

const DNS_POD = new Map([[DNS_POD_LABEL[0], DNS_POD_LABEL[1]], ['projectcalico.org/namespace', DNS_NAMESPACE], ['projectcalico.org/orchestrator', 'k8s']]);
const DNS_NAMESPACE_LABELS = new Map([['projectcalico.org/name', DNS_NAMESPACE], ['kubernetes.io/metadata.name', DNS_NAMESPACE]]);
const CLUSTER_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', 'fc00::/7'].map((c) => parseNet(c)!);

/** Where DNS is lost: at a Deny rule of the policy, or at the end of its tier. */
export type DnsGap = { readonly kind: 'deny'; readonly rule: RuleShape } | { readonly kind: 'end-of-tier'; readonly rules: number };

export function dnsGap(policy: PolicyShape, others: readonly PolicyShape[]): DnsGap | undefined {
  if (!policy.types.includes('egress') || policy.restricted || !policy.selector) return undefined;
  // Cheap tests first: whether another policy allows DNS at all, then whether it covers these pods.
  const allowsFirst = (o: PolicyShape, when: (o: PolicyShape) => boolean): boolean =>
    o !== policy && o.types.includes('egress') && when(o) && firstDnsDecision(o) === 'allow' && appliesToAllOf(o, policy);
  for (const rule of policy.rules.egress) {
    if (rule.action === 'Allow' && allowsDns(rule)) return undefined;
    // A Pass sends DNS to the next tier, which this check cannot follow: no claim.
    if (rule.action === 'Pass' && allowsDns(rule)) return undefined;
    if (rule.action === 'Deny' && deniesDns(rule)) {
      return others.some((o) => allowsFirst(o, (x) => evaluatedBefore(x.key, policy.key))) ? undefined : { kind: 'deny', rule };
    }
  }
  // Nothing in the policy decided DNS: the end of the tier does, unless another policy of the tier (or an earlier one) allows it.
  const allowed = others.some((o) => allowsFirst(o, (x) => x.key.tier === policy.key.tier || evaluatedBefore(x.key, policy.key)));
  return allowed ? undefined : { kind: 'end-of-tier', rules: policy.rules.egress.length };
}

const DECISIONS = new WeakMap<PolicyShape, 'allow' | 'deny' | 'none'>();

/** What the policy's first rule that can touch DNS does with it (remembered per shape). */
function firstDnsDecision(policy: PolicyShape): 'allow' | 'deny' | undefined {
  let decision = DECISIONS.get(policy);
  if (!decision) {
    decision = decide(policy) ?? 'none';
    DECISIONS.set(policy, decision);
  }
  return decision === 'none' ? undefined : decision;
}

function decide(policy: PolicyShape): 'allow' | 'deny' | undefined {
  for (const rule of policy.rules.egress) {
    if (rule.action === 'Allow' && allowsDns(rule)) return 'allow';
    if ((rule.action === 'Deny' || rule.action === 'Pass') && allowsDns(rule)) return 'deny';
  }
  return undefined;
}

function udpPossible(rule: RuleShape): boolean {
  return (rule.protocol === undefined || rule.protocol === UDP) && rule.notProtocol !== UDP && !rule.http;
}

/** A rule that plausibly matches the pods asking the cluster DNS (an Allow with it lets them). */
function allowsDns(rule: RuleShape): boolean {
  return udpPossible(rule) && portsAdmitDns(rule.destination) && plausiblyDns(rule.destination);
}

/** A Deny that surely matches DNS from every pod of its policy. */
function deniesDns(rule: RuleShape): boolean {
  const source = rule.source;
  const unrestricted = !source.scoped && !source.notSelector && !source.nets && !source.notNets && !source.opaque;
  return unrestricted && udpPossible(rule) && portsAdmitDns(rule.destination) && surelyDns(rule.destination);
}

function portListHasDns(list: readonly PortShape[]): boolean {
  return list.some((p) => (p.kind === 'named' ? p.name === 'dns' : p.min <= DNS_PORT && DNS_PORT <= p.max));
}

function portsAdmitDns(side: EntityShape): boolean {
  return (!side.ports || portListHasDns(side.ports)) && !(side.notPorts && portListHasDns(side.notPorts));
}

function mentionsDns(node: SelectorNode): boolean {
  switch (node.kind) {
    case 'compare':
      return node.operator !== '!=' && /dns|kube-system/.test(node.value);
    case 'set':
      return node.operator === 'in' && node.values.some((v) => /dns|kube-system/.test(v));
    case 'and':
    case 'or':
      return node.operands.some(mentionsDns);
    default:
      return false;
  }
}

function plausiblyDns(side: EntityShape): boolean {
  // A Service or service-account match may well be kube-dns: no claim either way.
  if (side.opaque) return true;
  if (side.nets) return side.nets.some((n) => CLUSTER_RANGES.some((r) => !cidrsDisjoint(n, r)));
  if (side.notSelector && evaluateSelector(side.notSelector, DNS_POD)) return false;
  if (!side.scoped) return true;
  const ns = side.namespaces;
  const namespaceOk =
    ns.kind === 'any' || (ns.kind === 'named' && ns.namespace === DNS_NAMESPACE) || (ns.kind === 'selected' && (evaluateSelector(ns.selector, DNS_NAMESPACE_LABELS) || mentionsDns(ns.selector)));
  return namespaceOk && (!side.selector || evaluateSelector(side.selector, DNS_POD) || mentionsDns(side.selector));
}

function surelyDns(side: EntityShape): boolean {
  if (side.opaque || side.nets || side.notNets) return false;
  if (side.notSelector && evaluateSelector(side.notSelector, DNS_POD)) return false;
  if (!side.scoped) return true;
  const ns = side.namespaces;
  const namespaceOk = ns.kind === 'any' || (ns.kind === 'named' && ns.namespace === DNS_NAMESPACE) || (ns.kind === 'selected' && evaluateSelector(ns.selector, DNS_NAMESPACE_LABELS));
  return namespaceOk && (!side.selector || evaluateSelector(side.selector, DNS_POD));
}
