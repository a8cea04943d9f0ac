/**
 * Policy and tier names as Calico's validator accepts them (libcalico-go
 * validator/v3): lower-case DNS labels, with at most one dot (the old
 * "tier.name" form), at most 253 characters; a namespaced NetworkPolicy may
 * also carry the "knp.default." prefix Calico gives converted Kubernetes policies.
 */
import type { Finding } from '../../../core/finding';
import type { CalicoPolicy } from '../model/types';
import { reporter, type CalicoCheck } from './check';

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN = `${LABEL}(\\.${LABEL})*`;
const NETWORK_POLICY_NAME = new RegExp(`^((${LABEL})(\\.${LABEL})?|((?:knp|ossg)\\.default\\.(${SUBDOMAIN})))$`);
const GLOBAL_NETWORK_POLICY_NAME = new RegExp(`^(${LABEL}\\.)?${LABEL}$`);
const TIER_NAME = new RegExp(`^${LABEL}$`);
const MAX_NAME = 253;
const MAX_TIER = 63;

export const namesCheck: CalicoCheck = {
  id: 'names',
  run(policy: CalicoPolicy): Finding[] {
    const report = reporter(policy);
    const findings: Finding[] = [];
    const name = policy.metadata.name;
    if (name) {
      const problem = nameProblem(name.value, policy.kind === 'GlobalNetworkPolicy' ? GLOBAL_NETWORK_POLICY_NAME : NETWORK_POLICY_NAME);
      if (problem) findings.push(report('calico/invalid-name', 'error', `Invalid ${policy.kind} name "${name.value}": ${problem}`, name.span, { name: name.value }));
    }
    const tier = policy.spec.tier;
    if (tier && tier.value !== '' && (tier.value.length > MAX_TIER || !TIER_NAME.test(tier.value))) {
      const message = `Invalid tier name "${tier.value}": a tier name is a lower-case DNS label of at most ${MAX_TIER} characters (letters, digits and "-", no dots).`;
      findings.push(report('calico/invalid-tier-name', 'error', message, tier.span, { tier: tier.value }));
    }
    return findings;
  },
};

function nameProblem(name: string, pattern: RegExp): string | undefined {
  if (name.length > MAX_NAME) return `it is ${name.length - MAX_NAME} characters too long (at most ${MAX_NAME}).`;
  if (pattern.test(name)) return undefined;
  if (name === '') return 'a name cannot be empty.';
  const dots = (name.match(/\./g) ?? []).length;
  const rule = 'use lower-case letters, digits and "-", starting and ending with a letter or digit, with at most one "."';
  if (dots > 1 && pattern.test(name.replace(/\./g, '-'))) return `at most one "." is allowed (${rule}).`;
  const suggestion = suggestName(name);
  return pattern.test(suggestion) ? `${rule}, as in "${suggestion}".` : `${rule}.`;
}

/** The nearest valid-looking name: lower case, other characters as "-", no "-" at the ends of its parts. */
function suggestName(name: string): string {
  const parts = name.toLowerCase().replace(/[^a-z0-9.-]/g, '-').split('.');
  return parts.map((part) => part.replace(/^-+|-+$/g, '')).join('.');
}
