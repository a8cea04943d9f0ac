/**
 * Every diagnostics rule, data-driven: test/fixtures/diagnostics/<case>.yaml is
 * analysed and its findings rendered one per line as
 * `line:col-line:col severity code message` (1-based, end exclusive) into
 * <case>.diagnostics.txt. Cases named valid-*.yaml are look-alikes that must stay
 * silent, which is asserted directly as well, so a rewritten snapshot cannot hide noise.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import type { Finding } from '../../server/src/core/finding';
import { oneBased, textDocument } from '../../server/src/services/positions';
import { EXAMPLES, fixture, fixtureCases } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

function render(text: string, findings: readonly Finding[]): string {
  const document = textDocument(text);
  return findings
    .map((f) => {
      const start = oneBased(document, f.span.start);
      const end = oneBased(document, f.span.end);
      return `${start.line}:${start.column}-${end.line}:${end.column} ${f.severity} ${f.code} ${f.message}\n`;
    })
    .join('');
}

describe('diagnostics fixtures', () => {
  for (const name of fixtureCases('diagnostics')) {
    test(name, () => {
      const text = fs.readFileSync(fixture('diagnostics', `${name}.yaml`), 'utf8');
      const analysis = analyzeText(text);
      assert.ok(analysis.relevant, 'every fixture is a NetworkPolicy file');
      if (name.startsWith('valid-')) assert.deepEqual(render(text, analysis.findings), '', 'a valid look-alike must stay silent');
      assertMatchesFile(render(text, analysis.findings), fixture('diagnostics', `${name}.diagnostics.txt`));
    });
  }

  test('examples/mistakes/broken-policies.yaml', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'mistakes', 'broken-policies.yaml'), 'utf8');
    assertMatchesFile(render(text, analyzeText(text).findings), fixture('diagnostics', 'examples-mistakes-broken-policies.diagnostics.txt'));
  });

  test('every finding carries a stable code, the object it is about, and a path to its node', () => {
    for (const name of fixtureCases('diagnostics')) {
      const text = fs.readFileSync(fixture('diagnostics', `${name}.yaml`), 'utf8');
      for (const f of analyzeText(text).findings) {
        assert.match(f.code, /^(netpol|yaml)\/[a-z]+(-[a-z]+)*$/, `${name}: ${f.code}`);
        assert.ok(f.span.start <= f.span.end && f.span.end <= text.length, `${name}: ${f.code} span`);
        if (f.code.startsWith('netpol/')) {
          assert.equal(typeof f.data?.docIndex, 'number', `${name}: ${f.code} has docIndex`);
          assert.ok(Array.isArray(f.data?.['path']), `${name}: ${f.code} has a path`);
        }
      }
    }
  });

  test('the examples of the tutorial have no errors or warnings', () => {
    for (const file of ['policies.yaml', 'workloads.yaml']) {
      const text = fs.readFileSync(path.join(EXAMPLES, 'tutorial', file), 'utf8');
      const loud = analyzeText(text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(render(text, loud), '', file);
    }
  });
});
