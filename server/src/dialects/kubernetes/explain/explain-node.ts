/**
 * The Kubernetes dialect's hover: the NetworkPolicy node under the cursor (locate.ts),
 * explained by the explain-*.ts of its concept, or, for a policy the API server would
 * reject, led by the rejection (explain-rejected.ts).
 */
import type { ExplainHooks } from '../../../analysis/explain/explain-hooks';
import type { ExplainOptions } from '../../../analysis/explain/types';
import type { NetworkPolicy } from '../../../model/types';
import type { ClusterProfile } from '../../../analysis/profile/cluster-profile';
import { explainNullPeerSelector, explainUnknownField, explainWrongShape } from './explain-field';
import { explainIpBlock } from './explain-ip-block';
import { explainPeer, explainPeers } from './explain-peer';
import { explainNamespace, explainPolicy, explainPolicyLabels } from './explain-policy';
import { explainPolicyTypes } from './explain-policy-types';
import { explainPort, explainPorts } from './explain-ports';
import { explainRejected } from './explain-rejected';
import { explainDirection, explainRule } from './explain-rule';
import { explainSelector } from './explain-selector';
import { locate } from './locate';
import type { Located } from './target';

export const kubernetesExplain: ExplainHooks<NetworkPolicy> = {
  explainAt(site, offset, options) {
    const located = locate(site.policies, site.text, offset);
    if (!located) return null;
    const rejections = site.rejectionsOf(located.policy.ref);
    if (rejections.length > 0) return { markdown: explainRejected(located.policy, located.target, located.span, rejections, () => render(located, options, site.profile)), span: located.span };
    return { markdown: render(located, options, site.profile), span: located.span };
  },
};

function render(located: Located, options: ExplainOptions, profile: ClusterProfile | undefined): string {
  const { policy, target } = located;
  switch (target.kind) {
    case 'policy':
      return explainPolicy(policy);
    case 'namespace':
      return explainNamespace(policy);
    case 'policy-labels':
      return explainPolicyLabels(target.field);
    case 'policy-types':
      return explainPolicyTypes(policy, target.item);
    case 'direction':
      return explainDirection(policy, target.direction);
    case 'rule':
      return explainRule(policy, target.rule);
    case 'peers':
      return explainPeers(target.rule);
    case 'peer':
      return explainPeer(target.rule, target.peer, policy);
    case 'selector':
      return explainSelector(target, policy, options);
    case 'ip-block':
      return explainIpBlock(target.rule, target.ipBlock, target.focus, profile);
    case 'ports':
      return explainPorts(target.rule);
    case 'port':
      return explainPort(target.rule, target.port, target.focus, located.raw);
    case 'unknown-field':
      return explainUnknownField(target.field, target.owner, target.expected);
    case 'null-peer-selector':
      return explainNullPeerSelector(target.field);
    case 'wrong-shape':
      return explainWrongShape(target.field, target.expected);
  }
}
