/**
 * Data-driven tests of the model layer: each test/fixtures/model/<case>.yaml goes
 * through the analysis facade, and the objects, every NetworkPolicy field with its
 * line:col span, and the findings are compared with <case>.expected.txt.
 */
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { fixture, fixtureCases } from '../support/paths';
import { renderAnalysis } from '../support/render-model';
import { assertMatchesFile } from '../support/snapshot';

describe('model fixtures', () => {
  for (const name of fixtureCases('model')) {
    test(name, () => {
      const text = fs.readFileSync(fixture('model', `${name}.yaml`), 'utf8');
      assertMatchesFile(renderAnalysis(analyzeText(text)), fixture('model', `${name}.expected.txt`));
    });
  }
});
