/**
 * The hover of a policy the API server would reject. Such a policy does nothing in
 * a cluster (reachability skips it), so its hovers lead with that, and the hovers
 * that would say what traffic it allows ("TCP ports 100–50") say why it is rejected
 * instead: a hover must not describe a policy as working when reach says it is not.
 */
import type { NetworkPolicy, Span } from '../../../model/types';
import type { Finding } from '../../../core/finding';
import { bullets, paragraphs } from '../../../analysis/explain/markdown';
import { rejectedLead } from '../../../analysis/explain/rejected-lead';
import { policyTitle } from './explain-policy';
import type { ExplainTarget as Target } from './target';

/** Hovers that describe traffic the policy would allow; for a rejected policy they are replaced. */
const TRAFFIC_TARGETS: ReadonlySet<Target['kind']> = new Set(['policy', 'direction', 'rule', 'peers', 'peer', 'ports', 'port', 'policy-types']);

/**
 * The Markdown for a node of a rejected policy: the lead, then either the node's own
 * explanation (a field, a selector: what it means holds whether or not the policy is
 * stored) or, for what would describe traffic, the errors written inside the node.
 */
export function explainRejected(policy: NetworkPolicy, target: Target, span: Span, rejections: readonly Finding[], render: () => string): string {
  const lead = rejectedLead(rejections);
  if (!TRAFFIC_TARGETS.has(target.kind)) return paragraphs([lead, render()]);
  // The lead names the first error; the others written inside the hovered node follow as a list.
  const inside = rejections.slice(1).filter((f) => target.kind === 'policy' || (f.span.start >= span.start && f.span.end <= span.end));
  const title = target.kind === 'policy' ? policyTitle(policy) : undefined;
  return paragraphs([title, lead, inside.length > 0 && bullets(inside.map((f) => f.message))]);
}
