/**
 * DNS allowed on UDP 53 only: resolvers retry over TCP 53 when an answer does not fit in a
 * UDP response (truncated answers: many records, DNSSEC, long CNAME chains), so with TCP
 * blocked those lookups fail while small ones work, the hardest kind of failure to trace.
 * Warned when this policy's rules let its pods reach cluster DNS on UDP but none on TCP.
 */
import type { NetworkPolicy, PolicyRule } from '../../../model/types';
import { affects } from '../policy-defaults';
import { finding, type Finding } from '../../../core/finding';
import type { CheckContext, PolicyCheck } from './check';
import { hasSyntaxErrors } from './document-state';
import { ruleAllowsDns, ruleAllowsDnsOver } from './dns-reach';
import { dataAt } from '../../../analysis/checks/finding-data';

export const dnsTcpCheck: PolicyCheck = {
  id: 'dns-tcp',
  run(policy: NetworkPolicy, context: CheckContext): Finding[] {
    if (hasSyntaxErrors(policy, context) || !affects(policy, 'Egress')) return [];
    const namespace = policy.metadata.namespace?.value;
    const rules = policy.spec.egress?.items ?? [];
    const udp = rules.filter((rule) => ruleAllowsDns(rule, namespace));
    if (udp.length === 0 || rules.some((rule) => ruleAllowsDnsOver(rule, namespace, 'TCP'))) return [];
    const rule = udp.find(hasPortList) ?? udp[0]!;
    const anchor = rule.ports ?? rule;
    const message =
      'DNS is allowed on UDP port 53 only. Answers too large for UDP are retried over TCP port 53, which stays blocked, so some lookups fail while most work. Allow TCP 53 to the same destination too.';
    const data = dataAt(policy.ref, ['spec', 'egress', rule.index], { hasPorts: hasPortList(rule) });
    return [finding('netpol/dns-udp-only', 'warning', message, 'keySpan' in anchor ? anchor.keySpan : anchor.span, { data })];
  },
};

function hasPortList(rule: PolicyRule): boolean {
  return rule.ports?.node.kind === 'seq' && rule.ports.items.length > 0;
}
