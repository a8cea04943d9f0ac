/**
 * Where syntax problems are shown: on the node at fault (the unclosed bracket or
 * quote, the whole duplicate key), never as an empty range at the end of the file,
 * never past the end of the text, never ending in a line break.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseFile } from '../../server/src/core/parse/parse-documents';

/** Each problem as `code "text it covers"`, in the order the parser reports them. */
function problems(text: string): string[] {
  return parseFile(text).documents.flatMap((doc) => doc.problems.map((p) => `${p.code} ${JSON.stringify(text.slice(p.span.start, p.span.end))}`));
}

const CASES: readonly { readonly name: string; readonly text: string; readonly expected: readonly string[] }[] = [
  { name: 'unclosed flow sequence at the end of the file', text: 'a: [1, 2\n', expected: ['yaml/bad-indent "[1, 2"'] },
  { name: 'unclosed flow sequence without a final newline', text: 'a: [1, 2', expected: ['yaml/bad-indent "[1, 2"'] },
  { name: 'unclosed flow sequence at the root', text: '[1, 2\n', expected: ['yaml/missing-char "[1, 2"'] },
  { name: 'unclosed flow sequence before the next document', text: 'a: [1, 2\n---\nb: c\n', expected: ['yaml/bad-indent "[1, 2"'] },
  { name: 'unclosed flow sequence spanning lines shows its first line', text: 'a: [\n  b,\n  c\n', expected: ['yaml/bad-indent "["'] },
  { name: 'closed inner map inside an unclosed one', text: 'a: {b: {c: d}\n', expected: ['yaml/bad-indent "{b: {c: d}"'] },
  {
    name: 'two unclosed collections, each error on its own',
    text: 'a:\n  - [1, {b: 2\n  - c\n',
    expected: ['yaml/bad-indent "{b: 2"', 'yaml/bad-indent "[1, {b: 2"'],
  },
  { name: 'unclosed double quote', text: 'a: "never closed\nb: c\n', expected: ['yaml/missing-char "\\"never closed"'] },
  { name: "unclosed single quote", text: "a: 'x\n", expected: ['yaml/missing-char "\'x"'] },
  { name: 'duplicate key covers the whole key', text: 'name: a\nname: b\n', expected: ['yaml/duplicate-key "name"'] },
  { name: 'duplicate key after an anchor covers the key', text: 'name: a\n&x name: b\n', expected: ['yaml/duplicate-key "name"'] },
  { name: 'duplicate quoted key', text: '{"a": 1, "a": 2}\n', expected: ['yaml/duplicate-key "\\"a\\""'] },
  { name: 'tab indentation points at the tab', text: 'a:\n\tb: c\n', expected: ['yaml/tab-as-indent "\\t"'] },
  { name: 'CRLF: no line break inside the range', text: 'a: [1, 2\r\nb: c\r\n', expected: ['yaml/bad-indent "[1, 2"'] },
  { name: 'unknown alias', text: 'a: *nowhere\n', expected: ['yaml/unresolved-alias "*nowhere"'] },
  { name: 'alias to an anchor of another document', text: 'a: &x 1\n---\nb: *x\n', expected: ['yaml/unresolved-alias "*x"'] },
  { name: 'alias inside its own anchor is not unknown', text: 'a: &x [1, *x]\n', expected: [] },
];

describe('problem spans', () => {
  for (const c of CASES) {
    test(c.name, () => assert.deepEqual(problems(c.text), c.expected));
  }

  test('problems of non-blank text are never empty and never end in a line break', () => {
    for (const text of ['a: "x', '[', '{', 'a: [\n', '? a\n? a\n', 'a:\n  - b\n - c\n', ']\n', '\n\n]', '--- !\n', "'", 'a: |\n  x\n y\n']) {
      for (const doc of parseFile(text).documents) {
        for (const p of doc.problems) {
          const covered = text.slice(p.span.start, p.span.end);
          assert.ok(covered.length > 0, `empty range for ${p.code} in ${JSON.stringify(text)}`);
          assert.ok(!/[\r\n]$/.test(covered), `${p.code} ends in a line break in ${JSON.stringify(text)}`);
        }
      }
    }
  });
});
