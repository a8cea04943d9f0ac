/**
 * Runs the NetworkPolicy checks of one file. The checks that read only their policy's
 * own document run once per document and their findings are reused while the document
 * is unchanged; the cross-document ones (duplicate names) run on every analysis.
 */
import { runCheck, type InternalErrorReport } from '../../../analysis/checks/check';
import { DocumentFindings } from '../../../core/document-findings';
import type { Finding } from '../../../core/finding';
import type { ParsedFile } from '../../../core/parse/yaml-tree';
import type { NetworkPolicy } from '../../../model/types';
import { POLICY_CHECKS } from '.';

const LOCAL_CHECKS = POLICY_CHECKS.filter((check) => !check.crossDocument);
const CROSS_DOCUMENT_CHECKS = POLICY_CHECKS.filter((check) => check.crossDocument);

const INTERNAL_ERROR: InternalErrorReport = { code: 'netpol/internal-error', lead: 'Internal error in check' };

/** The local checks' findings of every document the analyses have seen, for as long as the document lives. */
const LOCAL_FINDINGS = new DocumentFindings();

/** Every finding of every check for the NetworkPolicies of one file (unsorted): the local checks', then the cross-document ones'. */
export function checkNetworkPolicies(parsed: ParsedFile, policies: readonly NetworkPolicy[]): Finding[] {
  return [...documentLocalFindings(parsed, policies), ...crossDocumentFindings(parsed, policies)];
}

function documentLocalFindings(parsed: ParsedFile, policies: readonly NetworkPolicy[]): Finding[] {
  const context = { file: parsed, policies };
  const byDocument = new Map<number, NetworkPolicy[]>();
  for (const policy of policies) {
    const docPolicies = byDocument.get(policy.ref.docIndex);
    if (docPolicies) docPolicies.push(policy);
    else byDocument.set(policy.ref.docIndex, [policy]);
  }
  const findings: Finding[] = [];
  for (const [docIndex, docPolicies] of byDocument) {
    const doc = parsed.documents[docIndex]!;
    for (const f of LOCAL_FINDINGS.get(doc, () => docPolicies.flatMap((policy) => LOCAL_CHECKS.flatMap((check) => runCheck(check, policy, context, INTERNAL_ERROR))))) findings.push(f);
  }
  return findings;
}

function crossDocumentFindings(parsed: ParsedFile, policies: readonly NetworkPolicy[]): Finding[] {
  const context = { file: parsed, policies };
  // They run for every policy on every analysis: loops, not a list per policy and check to flatten.
  const findings: Finding[] = [];
  for (const policy of policies) {
    for (const check of CROSS_DOCUMENT_CHECKS) for (const f of runCheck(check, policy, context, INTERNAL_ERROR)) findings.push(f);
  }
  return findings;
}
