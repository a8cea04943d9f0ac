/**
 * Calico validation findings against fixtures: every test/fixtures/calico/diagnostics
 * file is checked and its findings rendered one per line as
 * `line:col-line:col severity code message` (1-based), compared with a reviewed
 * expected file. Clean policies give no finding, every finding carries its
 * object's docIndex, and selector errors land on the exact source characters.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { parseFile } from '../../server/src/core/parse/parse-documents';
import { collectObjects } from '../../server/src/model/objects';
import { sortFindings, type Finding } from '../../server/src/core/finding';
import { readCalicoPolicies } from '../../server/src/dialects/calico/model/read-policy';
import { checkCalicoPolicies } from '../../server/src/dialects/calico/checks';
import { fixture, fixtureCases } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

function check(text: string): Finding[] {
  const parsed = parseFile(text);
  return sortFindings(checkCalicoPolicies(parsed, readCalicoPolicies(collectObjects(parsed))));
}

function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

function render(text: string, findings: readonly Finding[]): string {
  return findings.map((f) => `${position(text, f.span.start)}-${position(text, f.span.end)} ${f.severity} ${f.code} ${f.message}`).join('\n') + '\n';
}

for (const name of fixtureCases('calico/diagnostics')) {
  test(`diagnostics of ${name}.yaml`, () => {
    const text = fs.readFileSync(fixture('calico', 'diagnostics', `${name}.yaml`), 'utf8');
    const findings = check(text);
    for (const f of findings) assert.equal(typeof f.data?.docIndex, 'number', `${f.code} carries docIndex`);
    assertMatchesFile(render(text, findings), fixture('calico', 'diagnostics', `${name}.expected.txt`));
  });
}

test('the tutorial and every-field model fixtures are clean', () => {
  for (const name of ['tutorial', 'every-field']) {
    const text = fs.readFileSync(fixture('calico', 'model', `${name}.yaml`), 'utf8');
    assert.deepEqual(render(text, check(text)), '\n', name);
  }
});

test('findings inside a kind: List carry the item index', () => {
  const text = fs.readFileSync(fixture('calico', 'diagnostics', 'spec.yaml'), 'utf8');
  const inList = check(text).filter((f) => f.code === 'calico/unknown-action');
  assert.equal(inList.length, 1);
  assert.deepEqual([inList[0]!.data?.docIndex, inList[0]!.data?.listIndex], [6, 1]);
});

/** Each case: a selector line as written in YAML, and the source text its error must cover. */
const QUOTING_CASES: readonly (readonly [string, string])[] = [
  [`selector: app == 'web' && tier = 'db'`, '='],
  [`selector: "app == 'web' && tier = 'db'"`, '='],
  [`selector: 'app == ''web'' && tier = ''db'''`, '='],
  [`selector: "a == \\"x\\" \\u0026 b == 'y'"`, '\\u0026'],
  [`selector: "a == \\"x\\" && b == 'y' %"`, '%'],
  [`selector: 'a == ''x'' && b == ''y'' %'`, '%'],
  [`selector: "a == 'x' &&\n    b = 'y'"`, '='],
  [`selector: a == 'x' &&\n    b = 'y'`, '='],
  [`selector: 'a in {''x'' ''y''}'`, `''y''`],
  [`selector: |\n    a == 'x'\n`, '\n'],
  [`selector: "a == \\t 'x' \\n"`, '\\n'],
];

test('selector errors land on the exact characters, whatever the quoting', () => {
  for (const [line, blamed] of QUOTING_CASES) {
    const text = `apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: q\nspec:\n  ${line}\n`;
    const errors = check(text).filter((f) => f.code === 'calico/selector-syntax');
    assert.equal(errors.length, 1, `one syntax error for ${JSON.stringify(line)}`);
    const { start, end } = errors[0]!.span;
    assert.equal(text.slice(start, end), blamed, `blamed text for ${JSON.stringify(line)}: ${errors[0]!.message}`);
  }
});
