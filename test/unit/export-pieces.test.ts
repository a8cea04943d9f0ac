/**
 * The reachability export in pieces: the JSON document written line by line is the text
 * JSON.stringify writes, and the pieces of an export put together are the whole export,
 * while a piece that would mix two exports or two workspace versions is refused.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { jsonDocumentLines } from '../../server/src/evaluate/format-connlist';
import { ExportPieces } from '../../server/src/lsp/export-pieces';
import { runToEnd } from '../../server/src/core/steps';
import type { ExportReachResult } from '../../server/src/protocol';

test('the JSON document line by line is what JSON.stringify writes, empty lists included', () => {
  const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
  const entry = fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(value, fc.dictionary(fc.string({ maxLength: 4 }), value, { maxKeys: 3 })), { maxKeys: 4 });
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 5 }), fc.array(entry, { maxLength: 3 }), (connections, skippedPolicies) => {
      assert.equal([...jsonDocumentLines(connections, skippedPolicies)].join('\n'), JSON.stringify({ connections, skippedPolicies }, null, 2));
    }),
    { seed: 20261207, numRuns: 300 },
  );
});

function* lines(count: number): Iterable<string> {
  for (let i = 0; i < count; i++) yield `line ${i} ${'x'.repeat(i % 7)}`;
}

function whole(count: number): string {
  return [...lines(count)].map((l) => `${l}\n`).join('');
}

test('the pieces of an export put together are the whole export, each piece whole lines', () => {
  const exports = new ExportPieces(40);
  const pieces: ExportReachResult[] = [];
  let cursor: string | undefined;
  do {
    const piece = runToEnd(exports.piece('connlist', cursor, 7, () => lines(50)));
    assert.equal(piece.error, undefined);
    assert.ok(piece.text.endsWith('\n'));
    pieces.push(piece);
    cursor = piece.cursor;
  } while (cursor !== undefined);
  assert.ok(pieces.length > 10, `${pieces.length} pieces`);
  assert.equal(pieces.map((p) => p.text).join(''), whole(50));
  // A small export is one piece without a cursor.
  assert.deepEqual(runToEnd(new ExportPieces().piece('json', undefined, 1, () => lines(3))), { text: whole(3) });
});

test('a piece is refused when the workspace changed, the cursor is not the last one, or another export started', () => {
  const exports = new ExportPieces(40);
  const first = runToEnd(exports.piece('connlist', undefined, 3, () => lines(50)));
  assert.ok(first.cursor);
  const interrupted = { text: '', error: 'The export was interrupted: the workspace changed, or another export started. Export again.' };
  assert.deepEqual(runToEnd(exports.piece('connlist', first.cursor, 4, () => lines(50))), interrupted, 'another version');
  const again = runToEnd(exports.piece('connlist', undefined, 4, () => lines(50)));
  assert.deepEqual(runToEnd(exports.piece('json', again.cursor, 4, () => lines(50))), interrupted, 'another format');
  const third = runToEnd(exports.piece('connlist', undefined, 4, () => lines(50)));
  runToEnd(exports.piece('connlist', undefined, 4, () => lines(50)));
  assert.deepEqual(runToEnd(exports.piece('connlist', third.cursor, 4, () => lines(50))), interrupted, 'a newer export started');
  assert.deepEqual(runToEnd(exports.piece('connlist', 'made-up', 4, () => lines(50))), interrupted, 'a cursor never given');
});
