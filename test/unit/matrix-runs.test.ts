/** The matrix's cells on the wire: runs of palette indexes, expanded back exactly, malformed runs refused. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CellRuns, expandRuns } from '../../server/src/workspace/matrix-runs';

test('runs expand back to the indexes pushed, and repeat nothing', () => {
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 4 }), { maxLength: 300 }), (indexes) => {
      const runs = new CellRuns();
      for (const index of indexes) runs.push(index);
      assert.deepEqual(expandRuns(runs.runs, indexes.length, 5), indexes);
      for (let i = 2; i < runs.runs.length; i += 2) assert.notEqual(runs.runs[i], runs.runs[i - 2], 'two runs of one index in a row');
    }),
    { seed: 20261123, numRuns: 300 },
  );
});

test('malformed runs are refused rather than drawn', () => {
  assert.deepEqual(expandRuns([0, 2, 1, 2], 4, 2), [0, 0, 1, 1]);
  assert.equal(expandRuns([0, 2, 1, 2], 5, 2), undefined, 'too few cells');
  assert.equal(expandRuns([0, 2, 1, 3], 4, 2), undefined, 'too many cells');
  assert.equal(expandRuns([0, 2, 2, 2], 4, 2), undefined, 'an index outside the palette');
  assert.equal(expandRuns([0, 2, 1], 3, 2), undefined, 'an odd number of numbers');
  assert.equal(expandRuns([0, 0, 1, 4], 4, 2), undefined, 'an empty run');
  assert.equal(expandRuns([0.5, 4], 4, 2), undefined, 'a fractional index');
});
