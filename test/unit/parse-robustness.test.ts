/**
 * Broken input is data: whatever the text, parseFile, collectObjects,
 * readNetworkPolicy and analyzeText return (never throw), every span stays inside
 * the text and inside its parent, and no policy check crashes on the result.
 * Inputs are random YAML-ish token soups and random edits of the real fixtures
 * and examples, from a fixed seed so a failure replays the same way.
 *
 *   FUZZ_SEED=7 FUZZ_RUNS=20 node test/run-node-tests.mjs parse-robustness
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { readNetworkPolicy } from '../../server/src/dialects/kubernetes/model/read-network-policy';
import { collectObjects } from '../../server/src/model/objects';
import { parseFile } from '../../server/src/core/parse/parse-documents';
import { EXAMPLES, fixture, fixtureCases } from '../support/paths';
import { spanViolations } from '../support/span-invariants';

/** Fixed by default; FUZZ_SEED and FUZZ_RUNS (a multiplier) explore further by hand. */
const SEED = Number(process.env.FUZZ_SEED ?? 20240501);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const runs = (n: number): { seed: number; numRuns: number } => ({ seed: SEED, numRuns: n * RUNS });

/** Pieces of YAML syntax, Kubernetes words, awkward characters and line ends. */
const TOKENS = [
  'a', 'web', 'kind', 'NetworkPolicy', 'List', 'items', 'apiVersion', 'networking.k8s.io/v1', 'metadata', 'name', 'spec',
  'podSelector', 'namespaceSelector', 'matchLabels', 'matchExpressions', 'ingress', 'egress', 'from', 'to', 'ports', 'port',
  'ipBlock', 'cidr', '10.0.0.0/8', '80', '"80"', 'http', ':', ': ', '- ', '-', '? ', '[', ']', '{', '}', ',', '"', "'", '#',
  '&a ', '*a', '*b', '!!str ', '!tag ', '|', '>-', '%YAML 1.2', '@', '`', '<<: ', ' ', '  ', '    ', '\t', '\n', '\r\n', '\r',
  '---', '---\n', '...', '{{ .Values.x }}', '{{-', '}}', '😀', '日本', '\u0000', '\ufeff', '\ud800', '\u2028', '~', 'null',
];

const tokenSoup = fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 80 });

function corpus(): string[] {
  const texts = [...fixtureCases('parse').map((name) => fixture('parse', `${name}.yaml`)), ...fixtureCases('model').map((name) => fixture('model', `${name}.yaml`))];
  for (const folder of ['tutorial', 'mistakes']) {
    for (const file of fs.readdirSync(path.join(EXAMPLES, folder))) texts.push(path.join(EXAMPLES, folder, file));
  }
  return texts.map((file) => fs.readFileSync(file, 'utf8'));
}

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  return edits.reduce((t, e) => {
    const at = t.length === 0 ? 0 : e.at % (t.length + 1);
    return t.slice(0, at) + e.insert + t.slice(at + e.remove);
  }, text);
}

/** Runs everything the core offers on a text and asserts the invariants; throws a readable failure. */
function exercise(text: string): void {
  const parsed = parseFile(text);
  assert.deepEqual(spanViolations(parsed), [], `span invariants broken for ${JSON.stringify(text)}`);
  const empty = parsed.documents.flatMap((doc) => doc.problems).filter((p) => p.span.start === p.span.end);
  if (text.trim() !== '') assert.deepEqual(empty, [], `empty problem ranges for ${JSON.stringify(text)}`);
  for (const ref of collectObjects(parsed)) readNetworkPolicy(ref);
  const analysis = analyzeText(text);
  const crashes = analysis.findings.filter((f) => f.code === 'netpol/internal-error');
  assert.deepEqual(crashes, [], `a check crashed on ${JSON.stringify(text)}`);
  for (const f of analysis.findings) {
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `finding ${f.code} span ${JSON.stringify(f.span)} outside the text`);
  }
}

describe('robustness', () => {
  test('random YAML-ish token soups', () => {
    fc.assert(
      fc.property(tokenSoup, (text) => exercise(text)),
      runs(300),
    );
  });

  test('random edits of the fixtures and examples', () => {
    const texts = corpus();
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.string({ unit: fc.constantFrom(...TOKENS), maxLength: 4 }) });
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 6 }), (text, edits) => exercise(applyEdits(text, edits))),
      runs(200),
    );
  });

  test('arbitrary unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => exercise(text)),
      runs(150),
    );
  });

  test('every prefix of a policy file (as typed) parses', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'mistakes', 'broken-policies.yaml'), 'utf8');
    for (let end = 0; end <= text.length; end += 23) exercise(text.slice(0, end));
  });

  test('a file of 2,000 policies parses into 2,000 policies', () => {
    const policy = (i: number): string =>
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: policy-${i}\n  namespace: ns-${i % 17}\nspec:\n  podSelector:\n    matchLabels: {app: app-${i}}\n  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - podSelector: {matchLabels: {app: client-${i}}}\n      ports:\n        - {protocol: TCP, port: ${1000 + (i % 5000)}}\n`;
    const text = Array.from({ length: 2000 }, (_, i) => policy(i)).join('---\n');
    const analysis = analyzeText(text);
    assert.equal(analysis.parsed.documents.length, 2000);
    assert.deepEqual(spanViolations(analysis.parsed), []);
    assert.equal(kubernetesPoliciesOf(analysis).length, 2000);
    assert.equal(analysis.relevant, true);
    assert.deepEqual(analysis.findings.filter((f) => f.code.startsWith('yaml/')), []);
    const last = kubernetesPoliciesOf(analysis)[1999]!;
    assert.equal(last.metadata.name?.value, 'policy-1999');
    assert.equal(text.slice(last.metadata.name.span.start, last.metadata.name.span.end), 'policy-1999');
  });
});
