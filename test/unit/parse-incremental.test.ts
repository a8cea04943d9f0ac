/**
 * Re-parsing with the previous version must give exactly what a fresh parse gives:
 * reused documents are moved, never stale. Checked on every parse fixture and the
 * examples, under random edits (insertions, deletions, new `---` markers) from a
 * fixed seed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { parseFile } from '../../server/src/parse/parse-documents';
import type { ParsedFile } from '../../server/src/parse/yaml-tree';
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

const INSERTS = ['x', '\n', '---\n', '\n---\n', ' ', ':', '- ', '{', '"', '*a', '&a ', '# c\n', '\r\n'];

const edit = fc.record({
  sample: fc.nat({ max: SAMPLES.length - 1 }),
  steps: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 6 }), insert: fc.constantFrom(...INSERTS) }), { minLength: 1, maxLength: 6 }),
});

test('an incremental re-parse equals a fresh parse after any edits', () => {
  fc.assert(
    fc.property(edit, ({ sample, steps }) => {
      let text = SAMPLES[sample]!;
      let previous = parseFile(text);
      for (const step of steps) {
        const at = Math.floor(step.at * text.length);
        text = text.slice(0, at) + step.insert + text.slice(at + step.remove);
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
