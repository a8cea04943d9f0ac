/**
 * The trap of the omitted policyTypes: the API server fills it in as Ingress always, plus
 * Egress when there are egress rules. A policy written only with egress rules and no
 * policyTypes therefore also isolates its pods for ingress, and with no ingress rule it
 * denies all ingress to them: almost never what an egress policy meant. A policy that
 * says `ingress: []` or lists its policyTypes has said what it wants, and stays silent.
 */
import { getPair, isMap } from '../../../core/parse/yaml-tree';
import type { NetworkPolicy } from '../../../model/types';
import { finding, type Finding } from '../../../core/finding';
import type { CheckContext, PolicyCheck } from './check';
import { hasSyntaxErrors } from './document-state';
import { dataAt } from '../../../analysis/checks/finding-data';

export const impliedIngressCheck: PolicyCheck = {
  id: 'implied-ingress',
  run(policy: NetworkPolicy, context: CheckContext): Finding[] {
    const spec = getPair(policy.ref.node, 'spec')?.value;
    if (hasSyntaxErrors(policy, context) || !isMap(spec)) return [];
    if (getPair(spec, 'policyTypes') || getPair(spec, 'ingress')) return [];
    const egress = getPair(spec, 'egress');
    if (!egress || (policy.spec.egress?.items.length ?? 0) === 0) return [];
    const message =
      'policyTypes is not set, so the API server sets it to [Ingress, Egress]: besides restricting egress, this policy denies all ingress to the selected pods, since it has no ingress rule. ' +
      'If it is only about egress, add policyTypes: [Egress]; if the ingress lock-down is meant, list both types so readers see it.';
    return [finding('netpol/implied-ingress-isolation', 'warning', message, egress.key.span, { data: dataAt(policy.ref, ['spec'], { policyType: 'Egress' }) })];
  },
};
