/**
 * Re-parsing after edits must not keep old versions of the file alive. A region's
 * text (and the scalar sources sliced from it) outlives the version it was parsed
 * from; were it a plain substring of that version, every version in which some
 * document was re-parsed would stay in memory. Measured with a forced collection,
 * as retained heap bytes, not time.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { manyWorkloads } from '../support/many-workloads';

v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

test('editing thirty different documents keeps no old version of the file in memory', () => {
  let text = manyWorkloads(20, 25).map((file) => file.text).join('---\n');
  const versionMiB = (text.length * 2) / 2 ** 20;
  let analysis = analyzeText(text);
  collect();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 30; i++) {
    // A comment at the top of the (i * 7)-th document: that document is parsed again, the others reused.
    let at = -1;
    for (let k = 0; k <= i * 7; k++) at = text.indexOf('\n---', at + 1);
    text = `${text.slice(0, at + 1)}# edit ${i}\n${text.slice(at + 1)}`;
    analysis = analyzeText(text, analysis);
  }
  collect();
  const grownMiB = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  // Thirty kept versions would be 30 × versionMiB; what may grow is the current text and the re-parsed documents.
  assert.ok(grownMiB < 5 * versionMiB, `the heap grew by ${grownMiB.toFixed(1)} MiB over 30 edits; one version of the file is ${versionMiB.toFixed(2)} MiB`);
  assert.equal(analysis.parsed.text, text);
});
