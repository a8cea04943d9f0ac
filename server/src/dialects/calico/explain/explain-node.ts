/**
 * The hover of Calico policies (projectcalico.org/v3 NetworkPolicy
 * and GlobalNetworkPolicy): a file's Calico policies and a cursor offset in, the
 * Markdown for the node under the cursor and its span out, or null.
 */
import type { CalicoPolicy } from '../model/types';
import { explainCalicoDirection, explainCalicoNamespace, explainCalicoOrder, explainCalicoPolicy, explainCalicoTier, explainCalicoTypes } from './explain-policy';
import type { ClusterProfile } from '../../../analysis/profile/cluster-profile';
import { explainCalicoAction, explainCalicoEntity, explainCalicoField, explainCalicoNets, explainCalicoPorts, explainCalicoProtocol, explainCalicoRule } from './explain-rule';
import { explainCalicoSelector } from './explain-selector';
import { explainCalicoIcmp } from './icmp-words';
import { locateCalico, type CalicoLocated } from './locate';
import type { ExplainHooks } from '../../../analysis/explain/explain-hooks';
import { paragraphs } from '../../../analysis/explain/markdown';
import { rejectedLead } from '../../../analysis/explain/rejected-lead';
import type { ExplainOptions } from '../../../analysis/explain/types';

/** A Calico policy's hover, led by the rejection when Calico's API server would refuse the policy. */
export const calicoExplain: ExplainHooks<CalicoPolicy> = {
  explainAt(site, offset, options) {
    const located = locateCalico(site.policies, site.text, offset);
    if (!located) return null;
    const markdown = render(located, options, site.profile);
    const rejections = site.rejectionsOf(located.policy.ref);
    return { markdown: rejections.length > 0 ? paragraphs([rejectedLead(rejections), markdown]) : markdown, span: located.span };
  },
};

function render(located: CalicoLocated, options: ExplainOptions, profile: ClusterProfile | undefined): string {
  const { policy, target } = located;
  switch (target.kind) {
    case 'policy':
      return explainCalicoPolicy(policy, options);
    case 'namespace':
      return explainCalicoNamespace(policy);
    case 'order':
      return explainCalicoOrder(policy, options);
    case 'tier':
      return explainCalicoTier(policy);
    case 'types':
      return explainCalicoTypes(policy);
    case 'selector':
      return explainCalicoSelector(target.placed, policy);
    case 'direction':
      return explainCalicoDirection(policy, target.direction);
    case 'rule':
      return explainCalicoRule(policy, target.rule);
    case 'action':
      return explainCalicoAction(policy, target.rule);
    case 'protocol':
      return explainCalicoProtocol(target.rule, target.field);
    case 'icmp':
      return explainCalicoIcmp(target.rule, target.field);
    case 'entity':
      return explainCalicoEntity(policy, target.rule, target.side);
    case 'nets':
      return explainCalicoNets(target.rule, target.side, target.field, profile?.podCidrs ?? []);
    case 'ports':
      return explainCalicoPorts(target.rule, target.side, target.field);
    case 'field':
      return explainCalicoField(target.field);
  }
}
