/**
 * `check --format sarif` validates against the SARIF 2.1.0 JSON schema (the copy
 * @microsoft/jest-sarif ships), on every finding the examples produce, and the
 * validator does reject a log that breaks the schema.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import { runCli } from '../../server/src/cli/run-cli';
import { EXAMPLES, fixture, PROJECT_ROOT } from '../support/paths';

const SCHEMA = path.join(PROJECT_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
// The schema's language-tag pattern is not a valid regular expression in Unicode mode.
const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object);

interface SarifLog {
  runs: { tool: { driver: { rules: { id: string; help: { text: string } }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
}

function sarifOf(...paths: string[]): SarifLog {
  const result = runCli(['check', '--format', 'sarif', ...paths]);
  return JSON.parse(result.stdout.join('\n')) as SarifLog;
}

test('check --format sarif on every example is valid SARIF 2.1.0, each result tied to its rule and region', () => {
  const log = sarifOf(EXAMPLES, fixture('cli', 'check'));
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  const run = log.runs[0]!;
  assert.ok(run.results.length > 20, `only ${run.results.length} results`);
  for (const result of run.results) {
    const rule = run.tool.driver.rules[result.ruleIndex]!;
    assert.equal(rule.id, result.ruleId);
    assert.ok(rule.help.text.length > 0);
    assert.ok(result.locations[0]!.physicalLocation.region.startLine >= 1);
  }
});

test('check --format sarif with no finding is a valid log with no results', () => {
  const log = sarifOf(fixture('cli', 'check', 'clean.yaml'));
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.deepEqual(log.runs[0]!.results, []);
});

test('the schema rejects a log whose region starts at line 0', () => {
  const log = sarifOf(fixture('cli', 'check', 'mixed.yaml'));
  log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
  assert.equal(validate(log), false);
});
