/** The shared edit distance behind every "did you mean": with and without neighbour swaps. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { editDistance } from '../../server/src/core/text/edit-distance';

test('edit distance, swaps as one edit (default) and as two (plain Levenshtein)', () => {
  // [a, b, with swaps, without]
  const rows: [string, string, number, number][] = [
    ['', '', 0, 0],
    ['', 'abc', 3, 3],
    ['abc', '', 3, 3],
    ['podSelector', 'podSelector', 0, 0],
    ['podselector', 'podSelector', 1, 1],
    ['form', 'from', 1, 2],
    ['ingerss', 'ingress', 1, 2],
    ['poilcyTpyes', 'policyTypes', 2, 4],
    ['matchLabel', 'matchLabels', 1, 1],
    ['Allwo', 'Allow', 1, 2],
    ['ca', 'abc', 3, 3],
    ['kitten', 'sitting', 3, 3],
  ];
  for (const [a, b, swaps, plain] of rows) {
    assert.equal(editDistance(a, b), swaps, `${a} -> ${b}`);
    assert.equal(editDistance(a, b, { transpositions: false }), plain, `${a} -> ${b} (Levenshtein)`);
    assert.equal(editDistance(b, a), swaps, `${b} -> ${a}`);
  }
});
