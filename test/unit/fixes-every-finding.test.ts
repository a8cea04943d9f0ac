/**
 * Every quick fix offered anywhere in the diagnostics fixtures and the mistakes
 * example is applied on its own: the result must re-parse with no new syntax error
 * and must have lost the finding it fixed. Random edits of those files must never
 * make code actions throw or produce edits outside the text.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { quickFixes, refactoringsAt, sourceActionsAt } from '../../server/src/analysis/fixes';
import { applyEdits } from '../../server/src/analysis/fixes/fix';
import { codeActionsFor } from '../../server/src/services/code-actions';
import { toDiagnostics } from '../../server/src/services/diagnostics';
import { textDocument } from '../../server/src/services/positions';
import { EXAMPLES, fixture, fixtureCases } from '../support/paths';

const FILES = [
  ...fixtureCases('diagnostics').map((name) => fixture('diagnostics', `${name}.yaml`)),
  ...fixtureCases('fixes').map((name) => fixture('fixes', `${name}.yaml`)),
  path.join(EXAMPLES, 'mistakes', 'broken-policies.yaml'),
];

function syntaxCount(text: string): number {
  return analyzeText(text).findings.filter((f) => f.code.startsWith('yaml/')).length;
}

describe('every offered fix', () => {
  test('re-parses and removes its finding', () => {
    let applied = 0;
    for (const file of FILES) {
      const text = fs.readFileSync(file, 'utf8').replace('|^|', '');
      const analysis = analyzeText(text);
      const before = syntaxCount(text);
      for (const finding of analysis.findings) {
        for (const fix of quickFixes(analysis, finding.code, finding.data)) {
          const result = applyEdits(text, fix.edits);
          const where = `${path.basename(file)}: ${finding.code} "${fix.title}"`;
          assert.ok(syntaxCount(result) <= before, `${where} breaks the YAML:\n${result}`);
          const still = analyzeText(result).findings.filter((f) => f.code === finding.code && JSON.stringify(f.data) === JSON.stringify(finding.data));
          assert.deepEqual(still, [], `${where} leaves its finding`);
          applied++;
        }
      }
    }
    // Guards against a registry that silently stopped offering fixes.
    assert.ok(applied >= 60, `only ${applied} fixes were applied`);
  });

  test('refactorings and source actions at every policy re-parse', () => {
    for (const file of FILES) {
      const text = fs.readFileSync(file, 'utf8').replace('|^|', '');
      const analysis = analyzeText(text);
      const before = syntaxCount(text);
      for (const policy of kubernetesPoliciesOf(analysis)) {
        for (const fix of [...refactoringsAt(analysis, policy.ref.node.span), ...sourceActionsAt(analysis, policy.ref.node.span)]) {
          assert.ok(syntaxCount(applyEdits(text, fix.edits)) <= before, `${path.basename(file)}: "${fix.title}"`);
        }
      }
    }
  });

  test('random edits never make code actions throw or edit outside the text', () => {
    const texts = FILES.map((file) => fs.readFileSync(file, 'utf8').replace('|^|', ''));
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.constantFrom('', ' ', '-', ':', '{', '}', '[', ']', '\n', '  ', 'x', '#', '"', '53') });
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), (original, edits, a, b) => {
        const text = edits.reduce((t, e) => {
          const at = t.length === 0 ? 0 : e.at % (t.length + 1);
          return t.slice(0, at) + e.insert + t.slice(at + e.remove);
        }, original);
        const document = textDocument(text);
        const analysis = analyzeText(text);
        const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number];
        const range = { start: document.positionAt(start), end: document.positionAt(end) };
        const actions = codeActionsFor(document, analysis, { textDocument: { uri: document.uri }, range, context: { diagnostics: toDiagnostics(document, analysis) } });
        for (const action of actions) {
          for (const e of action.edit?.changes?.[document.uri] ?? []) {
            assert.ok(document.offsetAt(e.range.start) <= document.offsetAt(e.range.end));
          }
        }
      }),
      { numRuns: 150, seed: 20240501 },
    );
  });
});
