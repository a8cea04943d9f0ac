/**
 * documentRegions finds its markers by searching for them, not with multiline regular
 * expressions; it must split exactly where those expressions split: a `---` at the start
 * of a line (after LF, CR, U+2028 or U+2029) followed by white space, a line end or the
 * end of the text, and one region for a text with a `...` end marker or a `%` directive
 * at the start of a line. Checked on every YAML file of the fixtures and examples and on
 * random texts made of the characters that matter.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { documentRegions, type Region } from '../../server/src/core/parse/document-regions';
import { EXAMPLES, FIXTURES } from '../support/paths';

/** The splitting as the regular expressions define it. */
function byRegularExpressions(text: string): Region[] {
  if (/^(?:\.\.\.(?=[ \t\r\n]|$)|%)/m.test(text)) return [{ start: 0, end: text.length }];
  const starts = [0];
  for (const match of text.matchAll(/^---(?=[ \t\r\n]|$)/gm)) if (match.index > 0) starts.push(match.index);
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
}

function yamlFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/i.test(entry.name) ? [full] : [];
  });
}

test('the regions of every fixture and example are those the regular expressions give', () => {
  const files = [...yamlFiles(FIXTURES), ...yamlFiles(EXAMPLES)];
  assert.ok(files.length > 100);
  let split = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const regions = documentRegions(text);
    if (regions.length > 1) split++;
    assert.deepEqual(regions, byRegularExpressions(text), file);
  }
  // Most of them hold several documents: the comparison is not only of whole-text regions.
  assert.ok(split > files.length / 4, `${split} of ${files.length} files split`);
});

test('random texts of markers, dots, percents, spaces and line terminators split the same way', () => {
  const pieces = ['---', '--', '-', '...', '..', '.', '%', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', 'a', 'k: v', '#'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(documentRegions(text), byRegularExpressions(text), JSON.stringify(text));
    }),
    { seed: 20261207, numRuns: 3000 },
  );
});
