/**
 * The lead of every hover of a policy the API server would reject (analysis/rejections.ts):
 * such a policy does nothing in a cluster, and reachability skips it, so its hovers say so first.
 */
import type { Finding } from '../../core/finding';

/** "Rejected by the API server: <why>; as written it does nothing." */
export function rejectedLead(rejections: readonly Finding[]): string {
  const first = rejections[0]!.message;
  const more = rejections.length > 1 ? ` (and ${rejections.length - 1} more ${rejections.length === 2 ? 'error' : 'errors'})` : '';
  // A message that ends in a question ("Did you mean …?") keeps its mark and starts a new sentence.
  if (first.endsWith('?')) return `**Rejected by the API server:** ${first}${more} As written it does nothing.`;
  return `**Rejected by the API server:** ${first.replace(/\.$/, '')}${more}; as written it does nothing.`;
}
