/**
 * `types` values and what they leave out, and the host-endpoint flags of a
 * GlobalNetworkPolicy, as Calico's validator and CRD rules check them.
 */
import type { Finding } from '../../../core/finding';
import type { CalicoPolicy } from '../model/types';
import { reporter, type CalicoCheck, type Report } from './check';
import { closest } from './did-you-mean';

const POLICY_TYPES = ['Ingress', 'Egress'];

export const specCheck: CalicoCheck = {
  id: 'spec',
  run(policy: CalicoPolicy): Finding[] {
    const report = reporter(policy);
    return [...checkTypes(policy, report), ...checkIgnoredRules(policy, report), ...checkHostFlags(policy, report), ...checkHints(policy, report)];
  },
};

const PERFORMANCE_HINTS = ['AssumeNeededOnEveryNode'];

function checkHints(policy: CalicoPolicy, report: Report): Finding[] {
  return (policy.spec.performanceHints?.items ?? [])
    .filter((hint) => !PERFORMANCE_HINTS.includes(hint.value))
    .map((hint) => report('calico/unknown-performance-hint', 'error', `Unknown performance hint "${hint.value}": the only hint is "AssumeNeededOnEveryNode".`, hint.span, { value: hint.value }));
}

function checkTypes(policy: CalicoPolicy, report: Report): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const type of policy.spec.types?.items ?? []) {
    if (!POLICY_TYPES.includes(type.value)) {
      const suggestion = closest(type.value, POLICY_TYPES);
      const advice = suggestion ? ` Did you mean "${suggestion}"?` : '';
      findings.push(report('calico/unknown-policy-type', 'error', `Unknown policy type "${type.value}": use "Ingress" or "Egress".${advice}`, type.span, { value: type.value, ...(suggestion && { suggestion }) }));
    } else if (seen.has(type.value)) {
      findings.push(report('calico/duplicate-policy-type', 'error', `"${type.value}" is listed more than once in "types".`, type.span, { value: type.value }));
    }
    seen.add(type.value);
  }
  return findings;
}

/** With `types` written out, rules of a direction it leaves out are never evaluated. */
function checkIgnoredRules(policy: CalicoPolicy, report: Report): Finding[] {
  const written = policy.spec.types?.items.map((t) => t.value) ?? [];
  if (written.length === 0) return [];
  const findings: Finding[] = [];
  for (const [direction, type] of [['ingress', 'Ingress'], ['egress', 'Egress']] as const) {
    const rules = policy.spec[direction];
    if (!rules || rules.items.length === 0 || written.includes(type)) continue;
    const message = `These ${direction} rules have no effect: "types" does not include "${type}". Add "${type}" to "types", or remove the rules.`;
    const span = { start: rules.keySpan.start, end: rules.span.end };
    findings.push({ ...report('calico/rules-ignored', 'warning', message, span, { direction, missingType: type }), tags: ['unnecessary'] });
  }
  return findings;
}

function checkHostFlags(policy: CalicoPolicy, report: Report): Finding[] {
  const { doNotTrack, preDNAT, applyOnForward, egress, types } = policy.spec;
  const findings: Finding[] = [];
  if (doNotTrack?.value && preDNAT?.value) {
    findings.push(report('calico/host-policy-flags', 'error', '"preDNAT" and "doNotTrack" cannot both be true in one policy.', preDNAT.span, { flag: 'preDNAT' }));
  }
  if (preDNAT?.value && egress && egress.items.length > 0) {
    findings.push(report('calico/host-policy-flags', 'error', 'A preDNAT policy cannot have egress rules: pre-DNAT policy applies to incoming traffic only.', egress.keySpan, { flag: 'preDNAT' }));
  }
  const egressType = types?.items.find((t) => t.value === 'Egress');
  if (preDNAT?.value && egressType) {
    findings.push(report('calico/host-policy-flags', 'error', 'A preDNAT policy cannot have the "Egress" type.', egressType.span, { flag: 'preDNAT' }));
  }
  const needsForward = [doNotTrack, preDNAT].find((flag) => flag?.value);
  if (needsForward && !applyOnForward?.value) {
    const which = needsForward === doNotTrack ? 'doNotTrack' : 'preDNAT';
    const message = `"applyOnForward" must be true when "${which}" is true: such rules also apply to forwarded traffic in practice.`;
    findings.push(report('calico/host-policy-flags', 'error', message, applyOnForward?.span ?? needsForward.keySpan ?? needsForward.span, { flag: 'applyOnForward' }));
  }
  return findings;
}
