/**
 * The selector evaluator against a hand-derived truth table
 * (test/fixtures/calico/selector/truth-table.txt): each row is a selector, a
 * label set and the expected match, worked out from Calico's documented
 * semantics rather than from this code. Each row is also checked through the
 * canonical and formatted prints, so printing cannot change a selector's meaning.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { evaluateSelector } from '../../server/src/dialects/calico/selector/evaluate';
import { parseSelector } from '../../server/src/dialects/calico/selector/parser';
import { canonicalSelector, formatSelector } from '../../server/src/dialects/calico/selector/print';
import { fixture } from '../support/paths';

interface Row {
  readonly line: number;
  readonly selector: string;
  readonly labels: Map<string, string>;
  readonly expected: boolean;
}

function parseLabels(text: string): Map<string, string> {
  const inner = text.trim().replace(/^\{/, '').replace(/\}$/, '');
  const labels = new Map<string, string>();
  for (const match of inner.matchAll(/\s*([^:,]+):\s*("(?:[^"\\]|\\.)*"|[^,]*)\s*(?:,|$)/g)) {
    const value = match[2]!.trim();
    labels.set(match[1]!.trim(), value.startsWith('"') ? (JSON.parse(value) as string) : value);
  }
  return labels;
}

function readRows(): Row[] {
  const lines = fs.readFileSync(fixture('calico', 'selector', 'truth-table.txt'), 'utf8').split('\n');
  const rows: Row[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const parts = line.split(' => ');
    assert.equal(parts.length, 3, `line ${index + 1} needs "selector => labels => expected"`);
    const [selector, labels, expected] = parts as [string, string, string];
    assert.ok(expected === 'true' || expected === 'false', `line ${index + 1}: expected true or false`);
    rows.push({ line: index + 1, selector: selector.startsWith('json:') ? (JSON.parse(selector.slice(5)) as string) : selector, labels: parseLabels(labels), expected: expected === 'true' });
  });
  return rows;
}

test('truth table rows hold for the parsed selector and for both of its prints', () => {
  const rows = readRows();
  assert.ok(rows.length >= 60, 'the truth table is loaded');
  for (const row of rows) {
    const parsed = parseSelector(row.selector);
    assert.ok(parsed.ok, `line ${row.line}: ${row.selector} should parse`);
    for (const text of [row.selector, canonicalSelector(parsed.ast), formatSelector(parsed.ast)]) {
      const again = parseSelector(text);
      assert.ok(again.ok);
      const labels = JSON.stringify(Object.fromEntries(row.labels));
      assert.equal(evaluateSelector(again.ast, row.labels), row.expected, `line ${row.line}: ${text} on ${labels}`);
    }
  }
});

test('the truth table covers both outcomes of every operator', () => {
  const rows = readRows();
  for (const operator of ['==', '!=', ' in ', 'not in', 'has(', 'contains', 'starts with', 'ends with', '&&', '||', '!', 'all()']) {
    const outcomes = new Set(rows.filter((row) => row.selector.includes(operator)).map((row) => row.expected));
    assert.deepEqual([...outcomes].sort(), [false, true], `rows for ${operator}`);
  }
});
