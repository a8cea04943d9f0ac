/** Renders a NetworkPolicy as `kubectl describe networkpolicy` prints it. Placeholder. */
import type { NetworkPolicy } from '../../model/types';

export function describeNetworkPolicy(_policy: NetworkPolicy): string {
  return '';
}
