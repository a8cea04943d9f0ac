/**
 * The Calico selector parser against data files: every valid selector's canonical
 * print, formatted print and syntax tree, and every invalid selector's message and
 * range, compared with reviewed expected files. Round trips are checked too:
 * re-parsing either print gives back the same canonical text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import type { SelectorNode } from '../../server/src/dialects/calico/selector/ast';
import { parseSelector } from '../../server/src/dialects/calico/selector/parser';
import { canonicalSelector, formatSelector } from '../../server/src/dialects/calico/selector/print';
import { fixture } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

/** One selector per line; `json:` lines hold a JSON string; `#` lines and blank lines are comments. */
function readSelectors(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => (line.startsWith('json:') ? (JSON.parse(line.slice(5)) as string) : line));
}

function span(node: { span: { start: number; end: number } }): string {
  return `[${node.span.start},${node.span.end})`;
}

function dumpAst(node: SelectorNode, indent = ''): string[] {
  switch (node.kind) {
    case 'all':
    case 'global':
      return [`${indent}${node.kind}() ${span(node)}`];
    case 'has':
      return [`${indent}has ${JSON.stringify(node.key)} ${span(node)}`];
    case 'compare':
      return [`${indent}${JSON.stringify(node.key)} ${node.operator} ${JSON.stringify(node.value)} ${span(node)}`];
    case 'set':
      return [`${indent}${JSON.stringify(node.key)} ${node.operator} ${JSON.stringify(node.values)} ${span(node)}`];
    case 'not':
      return [`${indent}not ${span(node)}`, ...dumpAst(node.operand, `${indent}  `)];
    case 'and':
    case 'or':
      return [`${indent}${node.kind} ${span(node)}`, ...node.operands.flatMap((operand) => dumpAst(operand, `${indent}  `))];
  }
}

/** The selector with a line of carets under the range (one caret for an empty range). */
function markRange(text: string, start: number, end: number): string[] {
  const shown = JSON.stringify(text).slice(1, -1);
  const prefix = JSON.stringify(text.slice(0, start)).slice(1, -1);
  const marked = JSON.stringify(text.slice(start, end)).slice(1, -1);
  return [`  ${shown}`, `  ${' '.repeat(prefix.length)}${'^'.repeat(Math.max(1, marked.length))}`];
}

test('valid selectors: canonical print, formatted print and syntax tree', () => {
  const out: string[] = [];
  for (const text of readSelectors(fixture('calico', 'selector', 'valid.selectors'))) {
    const parsed = parseSelector(text);
    assert.ok(parsed.ok, `${JSON.stringify(text)} should parse: ${parsed.ok ? '' : parsed.error.message}`);
    const canonical = canonicalSelector(parsed.ast);
    const formatted = formatSelector(parsed.ast);
    out.push(`selector:  ${JSON.stringify(text)}`, `canonical: ${canonical}`, `formatted: ${formatted}`, ...dumpAst(parsed.ast, '  '), '');
  }
  assertMatchesFile(out.join('\n'), fixture('calico', 'selector', 'valid.expected.txt'));
});

test('printing round-trips: both prints parse back to the same canonical text', () => {
  for (const text of readSelectors(fixture('calico', 'selector', 'valid.selectors'))) {
    const parsed = parseSelector(text);
    assert.ok(parsed.ok);
    const canonical = canonicalSelector(parsed.ast);
    for (const printed of [canonical, formatSelector(parsed.ast)]) {
      const again = parseSelector(printed);
      assert.ok(again.ok, `${printed} should parse`);
      assert.equal(canonicalSelector(again.ast), canonical, `round trip of ${JSON.stringify(text)} via ${printed}`);
    }
  }
});

test('invalid selectors: message and range', () => {
  const out: string[] = [];
  for (const text of readSelectors(fixture('calico', 'selector', 'invalid.selectors'))) {
    const parsed = parseSelector(text);
    assert.ok(!parsed.ok, `${JSON.stringify(text)} should be rejected`);
    const { message, span: range } = parsed.error;
    assert.ok(range.start >= 0 && range.start <= range.end && range.end <= text.length, `range inside ${JSON.stringify(text)}`);
    out.push(`selector: ${JSON.stringify(text)}`, `error [${range.start},${range.end}): ${message}`, ...markRange(text, range.start, range.end), '');
  }
  assertMatchesFile(out.join('\n'), fixture('calico', 'selector', 'invalid.expected.txt'));
});

test('parsing never throws, even on deep nesting and odd characters', () => {
  const deep = `${'('.repeat(500)}a == "b"${')'.repeat(500)}`;
  const parsed = parseSelector(deep);
  assert.ok(!parsed.ok);
  assert.match(parsed.error.message, /nested more than/);
  for (const odd of ['\u0000', '😀 == "x"', 'a == "😀"', '\r\n', '!'.repeat(10000) + 'has(a)']) assert.doesNotThrow(() => parseSelector(odd));
  const emoji = parseSelector('a == "😀"');
  assert.ok(emoji.ok && emoji.ast.kind === 'compare' && emoji.ast.value === '😀');
});
