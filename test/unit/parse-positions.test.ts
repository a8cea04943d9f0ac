/**
 * Offsets are UTF-16 code units of the text as written, whatever the line ends:
 * a CRLF file must give every node the same line:col as its LF twin, and a
 * character outside the BMP (a surrogate pair) counts as two units, as in LSP.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { parseFile } from '../../server/src/core/parse/parse-documents';
import { getPair, isMap, isSeq, type YNode } from '../../server/src/core/parse/yaml-tree';
import { fixture, fixtureCases } from '../support/paths';
import { renderAnalysis } from '../support/render-model';
import { renderParsedFile } from '../support/render-tree';
import { spanViolations } from '../support/span-invariants';

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Drops what legitimately differs between the twins: the length, and line ends inside excerpts. */
function comparable(rendered: string): string {
  return rendered.replace(/^file: \d+ chars/m, 'file:').replace(/\\r\\n/g, '\\n');
}

function source(text: string, node: YNode | null | undefined): string {
  assert.ok(node, 'node missing');
  return text.slice(node.span.start, node.span.end);
}

describe('CRLF line ends', () => {
  for (const name of fixtureCases('parse')) {
    test(`parse/${name} has the same line:col spans with CRLF`, () => {
      const lf = fs.readFileSync(fixture('parse', `${name}.yaml`), 'utf8').replace(/\r\n/g, '\n');
      const crlf = parseFile(toCrlf(lf));
      assert.deepEqual(spanViolations(crlf), []);
      assert.equal(comparable(renderParsedFile(crlf)), comparable(renderParsedFile(parseFile(lf))));
    });
  }
  for (const name of fixtureCases('model')) {
    test(`model/${name} has the same line:col spans with CRLF`, () => {
      const lf = fs.readFileSync(fixture('model', `${name}.yaml`), 'utf8').replace(/\r\n/g, '\n');
      assert.equal(comparable(renderAnalysis(analyzeText(toCrlf(lf)))), comparable(renderAnalysis(analyzeText(lf))));
    });
  }

  test('CRLF offsets count both characters of every line end', () => {
    const text = 'a: 1\r\nb:\r\n  - x\r\n';
    const root = parseFile(text).documents[0]?.root;
    assert.ok(isMap(root));
    const b = getPair(root, 'b');
    assert.deepEqual(plain(b?.key.span), { start: 6, end: 7 });
    assert.ok(isSeq(b?.value));
    assert.deepEqual(plain(b.value.items[0]?.span), { start: 14, end: 15 });
  });
});

describe('UTF-16 offsets', () => {
  test('a surrogate pair before a node on the same line counts as two units', () => {
    const text = 'k: [😀, 🚀, x]\nname: "😀"\n日本: 語\n';
    const root = parseFile(text).documents[0]?.root;
    assert.ok(isMap(root));
    const k = getPair(root, 'k')?.value;
    assert.ok(isSeq(k));
    assert.deepEqual(k.items.map((item) => plain(item.span)), [
      { start: 4, end: 6 },
      { start: 8, end: 10 },
      { start: 12, end: 13 },
    ]);
    assert.equal(source(text, k.items[2]), 'x');
    const name = getPair(root, 'name')?.value;
    assert.deepEqual(plain(name?.span), { start: 21, end: 25 });
    assert.equal(source(text, name), '"😀"');
    const cjk = getPair(root, '日本');
    assert.deepEqual(plain(cjk?.key.span), { start: 26, end: 28 });
    assert.deepEqual(plain(cjk?.value?.span), { start: 30, end: 31 });
  });

  test('a syntax error after an emoji is placed in UTF-16 units', () => {
    const text = 'kind: NetworkPolicy\nmetadata: {name: "😀😀"}\nspec: [a, b\n';
    const [problem] = analyzeText(text).findings.filter((f) => f.code === 'yaml/syntax');
    assert.ok(problem);
    assert.equal(text.slice(problem.span.start, problem.span.end), '[a, b');
  });
});

/** Parsed spans read their offsets through their document (parse/document-span.ts); these are the numbers. */
function plain(span: { start: number; end: number } | undefined): { start: number; end: number } | undefined {
  return span && { start: span.start, end: span.end };
}
