/**
 * Data-driven tests of the parse layer: each test/fixtures/parse/<case>.yaml is
 * parsed and rendered (documents, syntax problems, the tree with line:col spans)
 * and compared with <case>.expected.txt. Every case also has to keep the span
 * invariants (spans inside the text, children inside parents, exact sources).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import { parseFile } from '../../server/src/core/parse/parse-documents';
import { fixture, fixtureCases } from '../support/paths';
import { renderParsedFile } from '../support/render-tree';
import { assertMatchesFile } from '../support/snapshot';
import { spanViolations } from '../support/span-invariants';

describe('parseFile fixtures', () => {
  for (const name of fixtureCases('parse')) {
    test(name, () => {
      const text = fs.readFileSync(fixture('parse', `${name}.yaml`), 'utf8');
      const parsed = parseFile(text);
      assert.deepEqual(spanViolations(parsed), []);
      assertMatchesFile(renderParsedFile(parsed), fixture('parse', `${name}.expected.txt`));
    });
  }
});
