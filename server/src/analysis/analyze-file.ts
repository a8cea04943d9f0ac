/**
 * The facade of the core: text in, everything the services need out.
 *
 * A file is parsed once, read into objects once, each registered dialect reads its
 * policies from those objects once, and every service (diagnostics, hover, code
 * actions, the CLI) works from this one FileAnalysis.
 */
import { parseFileSteps } from '../core/parse/parse-documents';
import { runToEnd, type Steps } from '../core/steps';
import type { ParsedFile } from '../core/parse/yaml-tree';
import { collectObjects } from '../model/objects';
import { DIALECTS } from '../dialects/registry';
import { finding, sortFindings, type Finding } from '../core/finding';
import type { FileAnalysis, PolicyObject } from './file-analysis';
import { DEFAULT_PROFILE, type ClusterProfile } from './profile/cluster-profile';
import { applyVersionGates } from './profile/version-gates';
import { applyAddressGates } from './profile/address-gates';

export type { FileAnalysis } from './file-analysis';

/** A file mentions a policy kind of some dialect even when it is too broken to parse into one (block YAML or one-line JSON). */
const POLICY_KIND_TEXT = new RegExp(`(?:^\\s*(?:-\\s+)?|[{,]\\s*)["']?kind["']?\\s*:\\s*["']?(?:${[...new Set(DIALECTS.flatMap((d) => d.policyKinds))].join('|')})\\b`, 'm');

/** `previous` is the analysis of an earlier version of the same file: its unchanged documents are not parsed again. */
export function analyzeText(text: string, previous?: FileAnalysis, profile: ClusterProfile = previous?.profile ?? DEFAULT_PROFILE): FileAnalysis {
  return runToEnd(analyzeTextSteps(text, previous, profile));
}

/** analyzeText as steps (core/steps.ts): a step per parsed document, then one per stage. */
export function* analyzeTextSteps(text: string, previous?: FileAnalysis, profile: ClusterProfile = previous?.profile ?? DEFAULT_PROFILE): Steps<FileAnalysis> {
  const parsed = yield* parseFileSteps(text, previous?.parsed);
  const objects = collectObjects(parsed);
  const readings = new Map<string, readonly PolicyObject[]>(DIALECTS.map((dialect) => [dialect.id, dialect.read(objects)]));
  const relevant = [...readings.values()].some((policies) => policies.length > 0) || POLICY_KIND_TEXT.test(text);
  if (!relevant) return { parsed, objects, readings, relevant, findings: [], profile };
  yield;
  const checked = DIALECTS.flatMap((dialect) => dialect.check(parsed, readings.get(dialect.id)!));
  yield;
  const findings = [...syntaxFindings(parsed), ...checked];
  // Checks judge independently of the profile (their results are kept per document); the release and the pod addresses decide here.
  return { parsed, objects, readings, relevant, findings: sortFindings(applyAddressGates(applyVersionGates(findings, profile), profile)), profile };
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
