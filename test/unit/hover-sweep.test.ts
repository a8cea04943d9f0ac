/**
 * Hovers never throw, whatever the cursor is on: every offset of every YAML file
 * the project keeps (hover and parse fixtures, examples, and the shared kubectl
 * golden files when present) is hovered, and every answer must cover the cursor.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { hoverAt } from '../../server/src/services/hover';
import { textDocument } from '../../server/src/services/positions';
import { CURSOR } from '../support/markers';
import { EXAMPLES, fixture, SHARED } from '../support/paths';

function yamlFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return entry.name.endsWith('.yaml') ? [full] : [];
  });
}

/** Problems found when hovering every offset of the text; empty when all is well. */
function sweep(text: string): string[] {
  const document = textDocument(text);
  const analysis = analyzeText(text);
  const problems: string[] = [];
  for (let offset = 0; offset <= text.length; offset++) {
    const position = document.positionAt(offset);
    const hover = hoverAt(document, analysis, position);
    if (!hover) continue;
    const range = hover.range!;
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    if (!(start <= offset && offset < end)) problems.push(`offset ${offset}: range ${start}-${end} does not cover the cursor`);
    const value = (hover.contents as { value: string }).value;
    if (value.trim() === '' || /undefined|\[object|NaN/.test(value)) problems.push(`offset ${offset}: suspicious Markdown ${JSON.stringify(value.slice(0, 200))}`);
  }
  return problems;
}

const GROUPS: [string, string[]][] = [
  ['hover fixtures', yamlFiles(fixture('hover'))],
  ['parse fixtures', yamlFiles(fixture('parse'))],
  ['examples', yamlFiles(EXAMPLES)],
  ['shared kubectl golden files', yamlFiles(path.join(SHARED, 'golden', 'kubectl-describe'))],
];

describe('hover at every offset', () => {
  for (const [group, files] of GROUPS) {
    test(group, (t) => {
      if (files.length === 0) return t.skip(`no files in ${group}`);
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8').replace(CURSOR, '');
        assert.deepEqual(sweep(text).slice(0, 5), [], path.basename(file));
      }
    });
  }

  test('the sweep finds hovers at all (it cannot pass by answering null everywhere)', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'tutorial', 'policies.yaml'), 'utf8');
    const document = textDocument(text);
    const analysis = analyzeText(text);
    const answered = Array.from({ length: text.length }, (_, offset) => hoverAt(document, analysis, document.positionAt(offset))).filter((h) => h !== null).length;
    assert.ok(answered > text.length / 3, `only ${answered} of ${text.length} offsets have a hover`);
  });
});
