/**
 * `netpol-lens check` and the language server report the same findings: for every
 * diagnostics fixture and the mistakes example, the CLI's lines equal the server's
 * diagnostics (services/diagnostics.ts) printed the CLI's way.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { runCli } from '../../server/src/cli/run-cli';
import { toDiagnostics } from '../../server/src/services/diagnostics';
import { textDocument } from '../../server/src/services/positions';
import { EXAMPLES, fixture, fixtureCases } from '../support/paths';

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];

function serverLines(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return toDiagnostics(textDocument(text), analyzeText(text)).map(
    (d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 0]} ${String(d.code)} ${d.message}`,
  );
}

const FILES = [...fixtureCases('diagnostics').map((name) => fixture('diagnostics', `${name}.yaml`)), path.join(EXAMPLES, 'mistakes', 'broken-policies.yaml')];

test('check prints exactly the diagnostics the server publishes, file by file', () => {
  for (const file of FILES) {
    const cli = runCli(['check', file]);
    assert.deepEqual(cli.stdout, serverLines(file), file);
    const errors = serverLines(file).some((l) => / error /.test(l));
    assert.equal(cli.exitCode, errors ? 1 : 0, file);
  }
});

test('check on the mistakes example reports every rule family, and exits 1', () => {
  const file = path.join(EXAMPLES, 'mistakes', 'broken-policies.yaml');
  const result = runCli(['check', file]);
  const codes = new Set(result.stdout.map((line) => line.split(' ')[2]));
  for (const code of ['yaml/syntax', 'netpol/unknown-field', 'netpol/invalid-cidr', 'netpol/egress-without-dns', 'netpol/separate-peers', 'netpol/egress-to-metadata', 'netpol/missing-namespace']) {
    assert.ok(codes.has(code), `${code} missing from:\n${result.stdout.join('\n')}`);
  }
  assert.equal(result.exitCode, 1);
});
