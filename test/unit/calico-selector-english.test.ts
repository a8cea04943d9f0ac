/** Selectors rendered as plain English (for hovers), compared with a reviewed snapshot. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { parseSelector } from '../../server/src/dialects/calico/selector/parser';
import { selectorToEnglish } from '../../server/src/dialects/calico/selector/english';
import { fixture } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

test('English renderings of selectors', () => {
  const lines = fs
    .readFileSync(fixture('calico', 'selector', 'english.selectors'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => (line.startsWith('json:') ? (JSON.parse(line.slice(5)) as string) : line));
  const out: string[] = [];
  for (const text of lines) {
    const parsed = parseSelector(text);
    assert.ok(parsed.ok, `${text} should parse`);
    out.push(`selector: ${JSON.stringify(text)}`, selectorToEnglish(parsed.ast), '');
  }
  assertMatchesFile(out.join('\n'), fixture('calico', 'selector', 'english.expected.txt'));
});
