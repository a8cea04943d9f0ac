/**
 * Document symbols (outline, breadcrumbs) of each test/fixtures/symbols/<case>.yaml
 * and of the tutorial example, rendered as an indented tree (kind, name, detail,
 * range and selection range, 1-based) and compared with <case>.expected.txt.
 * Every selection range must lie inside its range, and every child inside its parent.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { DocumentSymbol, Range } from 'vscode-languageserver';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { textDocument } from '../../server/src/services/positions';
import { documentSymbolsFor } from '../../server/src/services/symbols';
import { EXAMPLES, fixture, fixtureCases } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

const KINDS: Record<number, string> = { 5: 'Class', 6: 'Method', 8: 'Field' };

function at(range: Range): string {
  const p = (x: { line: number; character: number }): string => `${x.line + 1}:${x.character + 1}`;
  return `${p(range.start)}-${p(range.end)}`;
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function render(symbols: readonly DocumentSymbol[], depth = 0, parent?: Range): string[] {
  return symbols.flatMap((s) => {
    assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection ${at(s.selectionRange)} outside ${at(s.range)}`);
    if (parent) assert.ok(contains(parent, s.range), `${s.name}: ${at(s.range)} outside its parent ${at(parent)}`);
    const line = `${'  '.repeat(depth)}${KINDS[s.kind] ?? s.kind} ${s.name}${s.detail ? `  [${s.detail}]` : ''}  ${at(s.range)} sel ${at(s.selectionRange)}`;
    return [line, ...render(s.children ?? [], depth + 1, s.range)];
  });
}

function check(file: string, expected: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const symbols = documentSymbolsFor(textDocument(text), analyzeText(text));
  assertMatchesFile(`${render(symbols).join('\n') || '(no symbols)'}\n`, expected);
}

describe('document symbols', () => {
  for (const name of fixtureCases('symbols')) {
    test(name, () => check(fixture('symbols', `${name}.yaml`), fixture('symbols', `${name}.expected.txt`)));
  }
  test('examples/tutorial/policies.yaml', () => check(path.join(EXAMPLES, 'tutorial', 'policies.yaml'), fixture('symbols', 'examples-tutorial.expected.txt')));
});
