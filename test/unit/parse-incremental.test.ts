/**
 * Re-parsing with the previous version must give exactly what a fresh parse gives:
 * reused documents are moved, never stale. Checked on every parse fixture and the
 * examples, under random edits (insertions, deletions, new `---` markers) from a
 * fixed seed.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import { calicoPoliciesOf } from '../../server/src/dialects/calico/reading';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { readNamespace } from '../../server/src/model/namespaces';
import { readService } from '../../server/src/model/services';
import { readWorkload } from '../../server/src/model/workloads';
import { parseFile } from '../../server/src/core/parse/parse-documents';
import type { ParsedFile } from '../../server/src/core/parse/yaml-tree';
import { EXAMPLES, fixture, fixtureCases } from '../support/paths';

/** The documents as plain data, aliases by their target's span, without the reuse bookkeeping. */
function comparable(file: ParsedFile): string {
  return JSON.stringify(file.documents, (key, value: unknown) => (key === 'target' && value && typeof value === 'object' ? (value as { span: unknown }).span : value));
}

const SAMPLES = [
  ...fixtureCases('parse').map((name) => fs.readFileSync(fixture('parse', `${name}.yaml`), 'utf8')),
  fs.readFileSync(path.join(EXAMPLES, 'tutorial', 'policies.yaml'), 'utf8'),
  fs.readFileSync(path.join(EXAMPLES, 'tutorial', 'workloads.yaml'), 'utf8'),
  fs.readFileSync(path.join(EXAMPLES, 'mistakes', 'broken-policies.yaml'), 'utf8'),
];

/**
 * Whole files for the analysis test: several documents, Calico selectors (whose
 * error ranges are mapped inside their scalars), and the same document twice
 * (two regions with one text must not share one place in the file).
 */
const ANALYSIS_SAMPLES = [
  fs.readFileSync(path.join(EXAMPLES, 'mistakes', 'broken-policies.yaml'), 'utf8'),
  fs.readFileSync(path.join(EXAMPLES, 'calico', 'policies.yaml'), 'utf8'),
  fs.readFileSync(path.join(EXAMPLES, 'tutorial', 'workloads.yaml'), 'utf8') + '\n---\n' + fs.readFileSync(path.join(EXAMPLES, 'tutorial', 'policies.yaml'), 'utf8'),
  twice(fs.readFileSync(path.join(EXAMPLES, 'tutorial', 'policies.yaml'), 'utf8').split(/^---$/m)[1]!),
];

function twice(doc: string): string {
  return `---${doc}---${doc}`;
}

/** Everything an analysis holds that carries a span, as JSON (spans read their current offsets). */
function analysisJson(text: string, analysis: ReturnType<typeof analyzeText>): string {
  const read = analysis.objects.map((ref) => [readNamespace(ref), readWorkload(ref), readService(ref)]);
  const data = { findings: analysis.findings, policies: kubernetesPoliciesOf(analysis), calico: calicoPoliciesOf(analysis), read };
  return JSON.stringify(data, (key, value: unknown) => {
    if (key === 'target' && value && typeof value === 'object') return (value as { span: unknown }).span;
    // A span must point at the same text as in a fresh analysis; the text makes a wrong one obvious.
    if (key.endsWith('pan') && value && typeof value === 'object' && 'start' in value) {
      const { start, end } = value as { start: number; end: number };
      return `${start}-${end}:${text.slice(start, end)}`;
    }
    return value;
  });
}

const INSERTS = ['x', '\n', '---\n', '\n---\n', ' ', ':', '- ', '{', '"', '*a', '&a ', '# c\n', '\r\n'];

interface EditStep {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** A sample (an index into `samples`) and a few edits: at a relative place, remove some characters, insert a snippet. */
function edits(samples: readonly string[], maxRemove: number, maxSteps: number) {
  const step = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: maxRemove }), insert: fc.constantFrom(...INSERTS) });
  return fc.record({ sample: fc.nat({ max: samples.length - 1 }), steps: fc.array(step, { minLength: 1, maxLength: maxSteps }) });
}

function applyEdit(text: string, step: EditStep): string {
  const at = Math.floor(step.at * text.length);
  return text.slice(0, at) + step.insert + text.slice(at + step.remove);
}

test('an incremental re-parse equals a fresh parse after any edits', () => {
  fc.assert(
    fc.property(edits(SAMPLES, 6, 6), ({ sample, steps }) => {
      let text = SAMPLES[sample]!;
      let previous = parseFile(text);
      for (const step of steps) {
        text = applyEdit(text, step);
        previous = parseFile(text, previous);
        assert.equal(comparable(previous), comparable(parseFile(text)));
      }
    }),
    { seed: 20261123, numRuns: 300 },
  );
});

test('an edit in one document reuses the other documents instead of parsing them again', () => {
  const text = SAMPLES.at(-3)! + '\n---\n' + SAMPLES.at(-2)!;
  const first = parseFile(text);
  const at = text.indexOf('default-access-backend');
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  const second = parseFile(edited, first);
  const changed = second.documents.filter((doc, i) => doc.root !== first.documents[i]!.root);
  // Documents before the edit are the same objects; the edited one and those after it are new.
  assert.ok(second.documents[0]!.root === first.documents[0]!.root);
  assert.ok(changed.length < second.documents.length);
  assert.equal(comparable(second), comparable(parseFile(edited)));
});

test('analysis with the previous version gives the same findings as from scratch', () => {
  const text = SAMPLES.at(-1)!;
  const previous = analyzeText(text);
  const at = text.indexOf('port: 70000');
  const edited = text.slice(0, at) + 'port: 7000' + text.slice(at + 'port: 70000'.length);
  assert.deepEqual(analyzeText(edited, previous).findings, analyzeText(edited).findings);
});

test('incremental analysis after any edits equals a fresh one: findings, model objects and every span in them', () => {
  fc.assert(
    fc.property(edits(ANALYSIS_SAMPLES, 4, 5), ({ sample, steps }) => {
      let text = ANALYSIS_SAMPLES[sample]!;
      let previous = analyzeText(text);
      for (const step of steps) {
        text = applyEdit(text, step);
        previous = analyzeText(text, previous);
        assert.equal(analysisJson(text, previous), analysisJson(text, analyzeText(text)));
      }
    }),
    { seed: 20261124, numRuns: 150 },
  );
});

test('a document moved by an edit above it keeps its objects, which read their new offsets', () => {
  const text = ANALYSIS_SAMPLES[2]!;
  const first = analyzeText(text);
  const edited = `# a comment\n${text}`;
  const second = analyzeText(edited, first);
  // The first region changed; every later document is reused as it was, model objects included.
  const last = kubernetesPoliciesOf(second).at(-1)!;
  assert.ok(last === kubernetesPoliciesOf(first).at(-1));
  const fresh = kubernetesPoliciesOf(analyzeText(edited)).at(-1)!;
  assert.deepEqual([last.ref.node.span.start, last.ref.node.span.end], [fresh.ref.node.span.start, fresh.ref.node.span.end]);
  assert.equal(analysisJson(edited, second), analysisJson(edited, analyzeText(edited)));
});
