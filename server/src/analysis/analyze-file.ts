/**
 * The facade of the core: text in, everything the services need out.
 *
 * A file is parsed once, read into objects once, and every service (diagnostics,
 * hover, code actions, the CLI) works from this one FileAnalysis.
 */
import { parseFileSteps } from '../core/parse/parse-documents';
import { runToEnd, type Steps } from '../core/steps';
import type { ParsedFile } from '../core/parse/yaml-tree';
import { collectObjects, isNetworkPolicy } from '../model/objects';
import { readNetworkPolicy } from '../dialects/kubernetes/model/read-network-policy';
import type { NetworkPolicy, ObjectRef } from '../model/types';
import { checkCalicoPolicies } from '../dialects/calico/checks';
import { readCalicoPolicies } from '../dialects/calico/model/read-policy';
import type { CalicoPolicy } from '../dialects/calico/model/types';
import { POLICY_CHECKS } from '../dialects/kubernetes/checks';
import type { CheckContext, PolicyCheck } from '../dialects/kubernetes/checks/check';
import { DocumentFindings } from '../core/document-findings';
import { finding, sortFindings, type Finding } from '../core/finding';
import { DEFAULT_PROFILE, type ClusterProfile } from './profile/cluster-profile';
import { applyVersionGates } from './profile/version-gates';

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
  /** The cluster the findings were judged for (which release rejects what). */
  readonly profile: ClusterProfile;
}

/** A file mentions a policy kind even when it is too broken to parse into one (block YAML or one-line JSON). */
const POLICY_KIND_TEXT = /(?:^\s*(?:-\s+)?|[{,]\s*)["']?kind["']?\s*:\s*["']?(?:Global)?NetworkPolicy\b/m;

/** `previous` is the analysis of an earlier version of the same file: its unchanged documents are not parsed again. */
export function analyzeText(text: string, previous?: FileAnalysis, profile: ClusterProfile = previous?.profile ?? DEFAULT_PROFILE): FileAnalysis {
  return runToEnd(analyzeTextSteps(text, previous, profile));
}

/** analyzeText as steps (parse/steps.ts): a step per parsed document, then one per stage. */
export function* analyzeTextSteps(text: string, previous?: FileAnalysis, profile: ClusterProfile = previous?.profile ?? DEFAULT_PROFILE): Steps<FileAnalysis> {
  const parsed = yield* parseFileSteps(text, previous?.parsed);
  const objects = collectObjects(parsed);
  const policies = objects.filter(isNetworkPolicy).map(readNetworkPolicy);
  const calicoPolicies = readCalicoPolicies(objects);
  const relevant = policies.length > 0 || calicoPolicies.length > 0 || POLICY_KIND_TEXT.test(text);
  if (!relevant) return { parsed, objects, policies, calicoPolicies, relevant, findings: [], profile };
  yield;
  const local = documentLocalFindings(parsed, policies);
  yield;
  const findings = [...syntaxFindings(parsed), ...local, ...crossDocumentFindings(parsed, policies), ...checkCalicoPolicies(parsed, calicoPolicies)];
  // Checks judge independently of the profile (their results are kept per document); the release decides here.
  return { parsed, objects, policies, calicoPolicies, relevant, findings: sortFindings(applyVersionGates(findings, profile)), profile };
}

/** Parser problems with a finding code of their own; the rest are `yaml/syntax`. */
const OWN_CODES: ReadonlySet<string> = new Set(['yaml/duplicate-key', 'yaml/too-deep']);

function syntaxFindings(parsed: ParsedFile): Finding[] {
  const findings: Finding[] = [];
  for (const doc of parsed.documents) {
    // Go templates are not YAML until rendered; their "errors" are not the user's.
    if (doc.templated) continue;
    for (const problem of doc.problems) {
      findings.push(finding(OWN_CODES.has(problem.code) ? problem.code : 'yaml/syntax', problem.severity, problem.message, problem.span, { data: { docIndex: doc.index, parserCode: problem.code } }));
    }
  }
  return findings;
}

const LOCAL_CHECKS = POLICY_CHECKS.filter((check) => !check.crossDocument);
const CROSS_DOCUMENT_CHECKS = POLICY_CHECKS.filter((check) => check.crossDocument);

/** The local checks' findings of every document the analyses have seen, for as long as the document lives. */
const LOCAL_FINDINGS = new DocumentFindings();

/**
 * The findings of the checks that read only their policy's own document, computed
 * once per document and reused while the document is unchanged.
 */
function documentLocalFindings(parsed: ParsedFile, policies: readonly NetworkPolicy[]): Finding[] {
  const context = { file: parsed, policies };
  const byDocument = new Map<number, NetworkPolicy[]>();
  for (const policy of policies) byDocument.set(policy.ref.docIndex, [...(byDocument.get(policy.ref.docIndex) ?? []), policy]);
  const findings: Finding[] = [];
  for (const [docIndex, docPolicies] of byDocument) {
    const doc = parsed.documents[docIndex]!;
    findings.push(...LOCAL_FINDINGS.get(doc, () => docPolicies.flatMap((policy) => LOCAL_CHECKS.flatMap((check) => runCheck(check, policy, context)))));
  }
  return findings;
}

function crossDocumentFindings(parsed: ParsedFile, policies: readonly NetworkPolicy[]): Finding[] {
  const context = { file: parsed, policies };
  return policies.flatMap((policy) => CROSS_DOCUMENT_CHECKS.flatMap((check) => runCheck(check, policy, context)));
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
