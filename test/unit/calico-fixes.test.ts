/**
 * Quick fixes for Calico findings, byte for byte. Each test/fixtures/calico/fixes/<case>.yaml
 * names on its first line the finding to fix (`# fix: <code>`); the quick fix is
 * requested through services/code-actions.ts as an editor would, its edits applied
 * with the LSP text-document rules, and the result must equal <case>.fixed.yaml,
 * re-parse without syntax errors, have lost the finding, and not be offered again.
 */
import { calicoPoliciesOf } from '../../server/src/dialects/calico/reading';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import type { CodeAction, CodeActionParams, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type FileAnalysis } from '../../server/src/analysis/analyze-file';
import { CALICO_DNS_TITLE } from '../../server/src/dialects/calico/fixes/calico-dns-fix';
import { codeActionsFor } from '../../server/src/services/code-actions';
import { toDiagnostics } from '../../server/src/services/diagnostics';
import { fixture, fixtureCases } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

const URI = 'file:///fixture.yaml';

function actionsAt(text: string, analysis: FileAnalysis, range: Range): CodeAction[] {
  const document = TextDocument.create(URI, 'yaml', 1, text);
  const params: CodeActionParams = { textDocument: { uri: URI }, range, context: { diagnostics: toDiagnostics(document, analysis) } };
  return codeActionsFor(document, analysis, params);
}

function rangeOf(text: string, start: number, end: number): Range {
  const document = TextDocument.create(URI, 'yaml', 1, text);
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

function apply(text: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[URI];
  assert.ok(edits && edits.length > 0, `"${action.title}" has no edits`);
  return TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), edits);
}

describe('Calico fix fixtures', () => {
  for (const name of fixtureCases('calico/fixes')) {
    test(name, () => {
      const text = fs.readFileSync(fixture('calico', 'fixes', `${name}.yaml`), 'utf8');
      const code = /^# fix: (\S+)/.exec(text)?.[1];
      assert.ok(code, `${name}.yaml names no fix on its first line`);
      const analysis = analyzeText(text);
      const fixed = analysis.findings.filter((f) => f.code === code);
      assert.equal(fixed.length, 1, `exactly one ${code} finding in ${name}`);
      const target = fixed[0]!;
      const action = actionsAt(text, analysis, rangeOf(text, target.span.start, target.span.end)).find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === code);
      assert.ok(action, `no quick fix for ${code} in ${name}`);
      const result = apply(text, action);
      assertMatchesFile(result, fixture('calico', 'fixes', `${name}.fixed.yaml`));

      const after = analyzeText(result);
      assert.deepEqual(after.findings.filter((f) => f.code.startsWith('yaml/') || f.severity === 'error').map((f) => `${f.code} ${f.message}`), [], 'the fixed text re-parses, and Calico would accept it');
      assert.equal(calicoPoliciesOf(after).length, calicoPoliciesOf(analysis).length);
      assert.deepEqual(after.findings.filter((f) => f.code === code).map((f) => f.message), [], 'the finding is gone');
      const whole = rangeOf(result, 0, result.length);
      assert.deepEqual(actionsAt(result, after, whole).filter((a) => a.title === CALICO_DNS_TITLE), [], 'the fix is not offered again');
    });
  }
});

test('the fix is not offered for a stale finding whose gap is gone', () => {
  const text = fs.readFileSync(fixture('calico', 'fixes', 'dns-default-deny.yaml'), 'utf8');
  const finding = analyzeText(text).findings.find((f) => f.code === 'calico/egress-without-dns')!;
  // The same document after the user allowed DNS by hand, in a policy of a lower order.
  const allowed = `${text}---\napiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata: {name: dns}\nspec:\n  order: 10\n  selector: all()\n  types: [Egress]\n  egress:\n    - action: Allow\n      protocol: UDP\n      destination: {ports: [53]}\n`;
  const analysis = analyzeText(allowed);
  assert.deepEqual(analysis.findings.filter((f) => f.code === 'calico/egress-without-dns'), []);
  const document = TextDocument.create(URI, 'yaml', 1, allowed);
  const diagnostic = { range: rangeOf(allowed, finding.span.start, finding.span.end), message: finding.message, code: finding.code, source: 'netpol-lens', data: finding.data };
  const params: CodeActionParams = { textDocument: { uri: URI }, range: diagnostic.range, context: { diagnostics: [diagnostic] } };
  assert.deepEqual(codeActionsFor(document, analysis, params).filter((a) => a.title === CALICO_DNS_TITLE), []);
});
