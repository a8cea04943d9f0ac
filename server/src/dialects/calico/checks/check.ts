/**
 * Calico checks have the shape of every dialect's checks (analysis/checks/check.ts:
 * one small check per file, a pure function from a policy plus its file to findings),
 * over Calico policies; and the helpers they share to report findings with the
 * data quick fixes need.
 */
import type { Span } from '../../../core/parse/yaml-tree';
import type { Check, CheckContextOf } from '../../../analysis/checks/check';
import { finding, type Finding, type FindingData, type Severity } from '../../../core/finding';
import type { CalicoPolicy, CalicoRule } from '../model/types';

/** `crossDocument` is set by the checks that compare a policy with the file's others (ordering, DNS). */
export type CalicoCheck = Check<CalicoPolicy>;
export type CalicoCheckContext = CheckContextOf<CalicoPolicy>;

/** Builds one policy's findings with its data already attached; see reporter(). */
export type Report = (code: string, severity: Severity, message: string, span: Span, extra?: Record<string, unknown>) => Finding;

/** The data every Calico finding carries, so a quick fix can find its object again. */
export function policyData(policy: CalicoPolicy, extra: Record<string, unknown> = {}): FindingData {
  const { ref } = policy;
  return { docIndex: ref.docIndex, ...(ref.listIndex !== undefined && { listIndex: ref.listIndex }), kind: policy.kind, ...extra };
}

/** Builds findings for one policy with its data already attached. */
export function reporter(policy: CalicoPolicy): Report {
  return (code, severity, message, span, extra = {}) => finding(code, severity, message, span, { data: policyData(policy, extra) });
}

/**
 * A check that looks at one rule at a time, ingress rules before egress rules, as
 * most of Calico's rule validation does (actions, ports, nets, services).
 */
export function perRuleCheck(id: string, checkRule: (rule: CalicoRule, report: Report, policy: CalicoPolicy) => Finding[]): CalicoCheck {
  return {
    id,
    run(policy: CalicoPolicy): Finding[] {
      const report = reporter(policy);
      const rules = [...(policy.spec.ingress?.items ?? []), ...(policy.spec.egress?.items ?? [])];
      return rules.flatMap((rule) => checkRule(rule, report, policy));
    },
  };
}
