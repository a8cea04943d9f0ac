/** Every finding for the cluster-wide policies of one file: what the API server with the CRD would reject. */
import type { Finding } from '../../../core/finding';
import type { ClusterPolicy } from '../model/types';
import { dnsFindings } from './dns-check';
import { fieldsFindings } from './fields-check';
import { objectFindings } from './object-check';
import { rulesFindings } from './rules-check';
import { shadowFindings } from './shadow-check';
import { storedOdditiesFindings } from './stored-oddities-check';

export function checkClusterPolicies(policies: readonly ClusterPolicy[]): Finding[] {
  return policies.flatMap((policy) => {
    const errors = [...objectFindings(policy), ...fieldsFindings(policy), ...rulesFindings(policy)];
    // Traps only for a policy the API server would store.
    return errors.some((f) => f.severity === 'error') ? errors : [...errors, ...storedOdditiesFindings(policy), ...dnsFindings(policy), ...shadowFindings(policy)];
  });
}
