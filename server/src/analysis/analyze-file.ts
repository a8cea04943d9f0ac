/**
 * The facade of the core: text in, everything the services need out.
 *
 * A file is parsed once, read into objects once, and every service (diagnostics,
 * hover, code actions, the CLI) works from this one FileAnalysis.
 */
import { parseFile } from '../parse/parse-documents';
import type { ParsedFile } from '../parse/yaml-tree';
import { collectObjects, isNetworkPolicy } from '../model/objects';
import { readNetworkPolicy } from '../model/network-policy';
import type { NetworkPolicy, ObjectRef } from '../model/types';
import { checkCalicoPolicies } from '../calico/checks';
import { readCalicoPolicies } from '../calico/model/read-policy';
import type { CalicoPolicy } from '../calico/model/types';
import { POLICY_CHECKS } from './checks';
import type { CheckContext, PolicyCheck } from './checks/check';
import { finding, sortFindings, type Finding } from './finding';

export interface FileAnalysis {
  readonly parsed: ParsedFile;
  readonly objects: readonly ObjectRef[];
  readonly policies: readonly NetworkPolicy[];
  /** projectcalico.org/v3 NetworkPolicy and GlobalNetworkPolicy objects. */
  readonly calicoPolicies: readonly CalicoPolicy[];
  /**
   * Whether this file is ours to speak about. Other YAML (CI configs, Helm values,
   * Deployments alone) gets no diagnostics and no hovers from this extension.
   */
  readonly relevant: boolean;
  readonly findings: readonly Finding[];
}

/** A file mentions a policy kind even when it is too broken to parse into one (block YAML or one-line JSON). */
const POLICY_KIND_TEXT = /(?:^\s*(?:-\s+)?|[{,]\s*)["']?kind["']?\s*:\s*["']?(?:Global)?NetworkPolicy\b/m;

export function analyzeText(text: string): FileAnalysis {
  const parsed = parseFile(text);
  const objects = collectObjects(parsed);
  const policies = objects.filter(isNetworkPolicy).map(readNetworkPolicy);
  const calicoPolicies = readCalicoPolicies(objects);
  const relevant = policies.length > 0 || calicoPolicies.length > 0 || POLICY_KIND_TEXT.test(text);
  if (!relevant) return { parsed, objects, policies, calicoPolicies, relevant, findings: [] };
  const findings = [...syntaxFindings(parsed), ...policyFindings(parsed, policies), ...checkCalicoPolicies(parsed, calicoPolicies)];
  return { parsed, objects, policies, calicoPolicies, relevant, findings: sortFindings(findings) };
}

function syntaxFindings(parsed: ParsedFile): Finding[] {
  const findings: Finding[] = [];
  for (const doc of parsed.documents) {
    // Go templates are not YAML until rendered; their "errors" are not the user's.
    if (doc.templated) continue;
    for (const problem of doc.problems) {
      findings.push(finding(problem.code === 'yaml/duplicate-key' ? problem.code : 'yaml/syntax', problem.severity, problem.message, problem.span, { data: { docIndex: doc.index, parserCode: problem.code } }));
    }
  }
  return findings;
}

function policyFindings(parsed: ParsedFile, policies: readonly NetworkPolicy[]): Finding[] {
  const context = { file: parsed, policies };
  return policies.flatMap((policy) => POLICY_CHECKS.flatMap((check) => runCheck(check, policy, context)));
}

/** A bug in one check must not hide what the others found; it becomes a visible finding instead. */
function runCheck(check: PolicyCheck, policy: NetworkPolicy, context: CheckContext): Finding[] {
  try {
    return check.run(policy, context);
  } catch (error) {
    const message = `Internal error in check "${check.id}": ${error instanceof Error ? error.message : String(error)}`;
    return [finding('netpol/internal-error', 'information', message, policy.ref.kind?.span ?? policy.ref.node.span)];
  }
}
