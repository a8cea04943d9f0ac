/**
 * Quick fixes, refactorings and source actions, byte for byte. Each
 * test/fixtures/fixes/<case>.yaml names on its first line what to apply:
 *   # fix: <code>            the quick fix of the first finding with that code
 *   # action: <title start>  the refactoring or source action at the |^| cursor
 * The action is requested through services/code-actions.ts as an editor would, its
 * edits are applied with the LSP text-document rules, and the result must equal
 * <case>.fixed.yaml, re-parse without syntax errors, and have lost the finding it fixed.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import type { CodeAction, CodeActionParams, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type FileAnalysis } from '../../server/src/analysis/analyze-file';
import { ALLOW_DNS_TITLE } from '../../server/src/dialects/kubernetes/fixes/allow-dns-fix';
import type { Finding } from '../../server/src/core/finding';
import { codeActionsFor } from '../../server/src/services/code-actions';
import { toDiagnostics } from '../../server/src/services/diagnostics';
import { CURSOR, extractCursor } from '../support/markers';
import { fixture, fixtureCases } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

const URI = 'file:///fixture.yaml';

interface Case {
  readonly text: string;
  readonly cursor?: number;
  readonly fix?: string;
  readonly action?: string;
}

function readCase(name: string): Case {
  const raw = fs.readFileSync(fixture('fixes', `${name}.yaml`), 'utf8');
  const { text, offset } = raw.includes(CURSOR) ? extractCursor(raw) : { text: raw, offset: undefined };
  const header = /^# (fix|action): (.+?)\r?$/m.exec(text);
  if (!header) throw new Error(`${name}.yaml names no fix or action on its first line`);
  return { text, ...(offset !== undefined && { cursor: offset }), ...(header[1] === 'fix' ? { fix: header[2]! } : { action: header[2]! }) };
}

function actionsAt(text: string, analysis: FileAnalysis, range: Range): CodeAction[] {
  const document = TextDocument.create(URI, 'yaml', 1, text);
  const params: CodeActionParams = { textDocument: { uri: URI }, range, context: { diagnostics: toDiagnostics(document, analysis) } };
  return codeActionsFor(document, analysis, params);
}

function apply(text: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[URI];
  assert.ok(edits && edits.length > 0, `"${action.title}" has no edits`);
  return TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), edits);
}

function rangeOf(text: string, start: number, end: number): Range {
  const document = TextDocument.create(URI, 'yaml', 1, text);
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.code === b.code && JSON.stringify(a.data) === JSON.stringify(b.data);
}

function syntaxErrors(analysis: FileAnalysis): string[] {
  return analysis.findings.filter((f) => f.code.startsWith('yaml/')).map((f) => `${f.code} ${f.message}`);
}

describe('fix fixtures', () => {
  for (const name of fixtureCases('fixes')) {
    test(name, () => {
      const c = readCase(name);
      const analysis = analyzeText(c.text);
      let action: CodeAction | undefined;
      let fixed: Finding | undefined;
      if (c.fix) {
        fixed = analysis.findings.find((f) => f.code === c.fix);
        assert.ok(fixed, `no ${c.fix} finding in ${name}`);
        action = actionsAt(c.text, analysis, rangeOf(c.text, fixed.span.start, fixed.span.end)).find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === c.fix);
      } else {
        assert.ok(c.cursor !== undefined, `${name} needs a ${CURSOR} cursor`);
        action = actionsAt(c.text, analysis, rangeOf(c.text, c.cursor, c.cursor)).find((a) => a.title.startsWith(c.action!));
      }
      assert.ok(action, `no action for ${c.fix ?? c.action} in ${name}`);
      const result = apply(c.text, action);
      assertMatchesFile(result, fixture('fixes', `${name}.fixed.yaml`));

      const after = analyzeText(result);
      assert.deepEqual(syntaxErrors(after), [], 'the fixed text re-parses');
      assert.ok(after.parsed.documents.length >= analysis.parsed.documents.length);
      assert.equal(kubernetesPoliciesOf(after).length, kubernetesPoliciesOf(analysis).length + (c.action?.startsWith('Add default-deny') ? 1 : 0));
      if (fixed) assert.deepEqual(after.findings.filter((f) => sameFinding(f, fixed!)), [], 'the fixed finding is gone');
      if (c.fix === 'netpol/egress-without-dns') {
        const whole = rangeOf(result, 0, result.length);
        assert.deepEqual(actionsAt(result, after, whole).filter((a) => a.title === ALLOW_DNS_TITLE), [], 'the DNS fix is not offered again');
      }
      if (c.action?.startsWith('Add default-deny')) {
        assert.deepEqual(actionsAt(result, after, rangeOf(result, c.cursor!, c.cursor!)).filter((a) => a.title.startsWith(c.action!)), [], 'not offered twice');
      }
      if (c.action?.startsWith('Split')) {
        // The split's inverse is the merge quick fix: applying it must restore the original bytes.
        const info = after.findings.find((f) => f.code === 'netpol/separate-peers');
        assert.ok(info, 'the split peers are reported as OR');
        const merge = actionsAt(result, after, rangeOf(result, info.span.start, info.span.end)).find((a) => a.diagnostics?.[0]?.code === 'netpol/separate-peers');
        assert.ok(merge);
        assert.equal(apply(result, merge), c.text);
      }
    });
  }
});
