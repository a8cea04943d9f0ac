/**
 * The nesting scan that keeps texts too deep to parse away from the parser: what it
 * counts as a level, what it skips (quotes, comments, block scalars, brackets inside
 * plain scalars), and that every real manifest in the examples stays far below the limit.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { findTooDeep, MAX_NESTING_DEPTH } from '../../server/src/core/parse/nesting-depth';
import { parseFile } from '../../server/src/core/parse/parse-documents';
import { deepBlockYaml, deepFlowYaml, deepJsonList, deepJsonObject } from '../support/deep-shapes';
import { EXAMPLES } from '../support/paths';

/** The smallest limit the text stays within, found by asking the scan (depths are small here). */
function depthOf(text: string): number {
  let limit = 0;
  while (findTooDeep(text, limit)) limit++;
  return limit;
}

const CASES: { name: string; text: string; depth: number }[] = [
  { name: 'a scalar', text: 'x\n', depth: 1 },
  { name: 'a block map', text: 'a:\n  b:\n    c: 1\n', depth: 3 },
  { name: 'a sequence under a key at the same column (the item after `- ` counts too)', text: 'a:\n- b\n- c\n', depth: 3 },
  { name: 'compact sequences on one line', text: '- - - x\n', depth: 4 },
  { name: 'a flow collection in a block map', text: 'a: {b: [1, [2]]}\n', depth: 4 },
  { name: 'JSON', text: '{"a": {"b": [1, {"c": 2}]}}', depth: 5 },
  { name: 'brackets in quotes do not count', text: 'a: "[[[[{{{{"\nb: \'[[[[\'\n', depth: 1 },
  { name: 'closing brackets in quotes inside flow do not close', text: '[["]]]]", [1]]]\n', depth: 4 },
  { name: 'brackets in a comment do not count', text: 'a: 1 # [[[[\nb: [1] # ]]]\n', depth: 2 },
  { name: 'brackets inside a plain scalar do not count', text: 'a: x[0][1][2]\n', depth: 1 },
  { name: 'a block scalar is skipped', text: 'a: |\n  [[[[\n  - - - -\n  {{{{\nb: 1\n', depth: 1 },
  { name: 'a multi-line flow collection', text: 'a: [\n  [\n    1,\n  ],\n]\nb: 1\n', depth: 3 },
  { name: 'a document marker resets', text: 'a:\n  b:\n    c: 1\n---\nd: 1\n', depth: 3 },
];

describe('nesting depth scan', () => {
  for (const { name, text, depth } of CASES) {
    test(name, () => assert.equal(depthOf(text), depth));
  }

  test('the deep shapes are found at the limit, where their nesting passes it', () => {
    for (const text of [deepJsonObject(50_000), deepJsonList(3_000), deepFlowYaml(10_000), deepBlockYaml(5_000)]) {
      const found = findTooDeep(text);
      assert.ok(found, text.slice(0, 80));
      assert.ok(found.offset < 20 * MAX_NESTING_DEPTH, `found at ${found.offset}`);
    }
    assert.equal(findTooDeep(deepFlowYaml(MAX_NESTING_DEPTH - 10)), undefined);
  });

  test('no manifest of the examples comes near the limit', () => {
    const files = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ya?ml|json)$/.test(f));
    assert.ok(files.length > 5);
    for (const file of files) assert.ok(depthOf(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) < 20, file);
  });

  test('a document past the limit is parsed into no tree and one problem at the opening that passed it', () => {
    const text = `a: 1\n---\n${deepJsonObject(1_000)}\n`;
    const parsed = parseFile(text);
    assert.equal(parsed.documents.length, 2);
    assert.notEqual(parsed.documents[0]!.root, null);
    const deep = parsed.documents[1]!;
    assert.equal(deep.root, null);
    assert.deepEqual(deep.problems.map((p) => p.code), ['yaml/too-deep']);
    const at = deep.problems[0]!.span.start;
    assert.equal(text[at], '{');
    assert.equal(text.slice(9, at).split('{').length - 1, MAX_NESTING_DEPTH - 1);
  });
});
