/**
 * The explain entry point: a file's policies and a cursor offset in, the Markdown
 * for the NetworkPolicy node under the cursor and that node's span out (or null
 * when the cursor is not on a NetworkPolicy node). Pure; the hover service only
 * converts positions and wraps the result.
 */
import type { NetworkPolicy } from '../../model/types';
import type { CalicoPolicy } from '../../dialects/calico/model/types';
import { explainCalicoAt } from '../../dialects/calico/explain/explain';
import type { ParsedFile } from '../../core/parse/yaml-tree';
import { explainNullPeerSelector, explainUnknownField, explainWrongShape } from '../../dialects/kubernetes/explain/explain-field';
import { explainIpBlock } from '../../dialects/kubernetes/explain/explain-ip-block';
import { explainPeer, explainPeers } from '../../dialects/kubernetes/explain/explain-peer';
import { explainNamespace, explainPolicy, explainPolicyLabels } from '../../dialects/kubernetes/explain/explain-policy';
import { explainPolicyTypes } from '../../dialects/kubernetes/explain/explain-policy-types';
import { explainPort, explainPorts } from '../../dialects/kubernetes/explain/explain-ports';
import { explainDirection, explainRule } from '../../dialects/kubernetes/explain/explain-rule';
import { explainSelector } from '../../dialects/kubernetes/explain/explain-selector';
import { locate } from '../../dialects/kubernetes/explain/locate';
import { explainRejected, rejectedLead } from './explain-rejected';
import { paragraphs } from './markdown';
import { rejectionsOf } from '../rejections';
import type { Finding } from '../../core/finding';
import type { ExplainOptions, Explanation, Located } from './types';

export type { CalicoOrderEntry, CalicoOrderLookup, ExplainOptions, Explanation, SelectorScope, WorkspaceMatcher } from './types';

export interface ExplainInput {
  readonly parsed: ParsedFile;
  readonly policies: readonly NetworkPolicy[];
  /** projectcalico.org/v3 policies: explained by calico-explain.ts. */
  readonly calicoPolicies?: readonly CalicoPolicy[];
  /** The file's findings: a policy with rejections (analysis/rejections.ts) is explained as rejected. */
  readonly findings?: readonly Finding[];
}

export function explainAt(input: ExplainInput, offset: number, options: ExplainOptions = {}): Explanation | null {
  const located = locate(input.policies, input.parsed.text, offset);
  if (!located) return input.calicoPolicies ? explainCalico(input, input.calicoPolicies, offset, options) : null;
  const rejections = input.findings ? rejectionsOf(input.findings, located.policy.ref) : [];
  if (rejections.length > 0) return { markdown: explainRejected(located.policy, located.target, located.span, rejections, () => render(located, options)), span: located.span };
  return { markdown: render(located, options), span: located.span };
}

/** A Calico policy's hover, led by the rejection when Calico's API server would refuse the policy. */
function explainCalico(input: ExplainInput, policies: readonly CalicoPolicy[], offset: number, options: ExplainOptions): Explanation | null {
  const explanation = explainCalicoAt(policies, input.parsed.text, offset, options);
  if (!explanation || !input.findings) return explanation;
  const policy = policies.find((p) => p.ref.node.span.start <= offset && offset <= p.ref.node.span.end);
  const rejections = policy ? rejectionsOf(input.findings, policy.ref) : [];
  return rejections.length > 0 ? { ...explanation, markdown: paragraphs([rejectedLead(rejections), explanation.markdown]) } : explanation;
}

function render(located: Located, options: ExplainOptions): string {
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
      return explainIpBlock(target.rule, target.ipBlock, target.focus);
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
