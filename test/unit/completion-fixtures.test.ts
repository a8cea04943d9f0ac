/**
 * Data-driven completion tests: each test/fixtures/completion/<case>.yaml marks the
 * cursor with `|^|`; the completion list there, computed with the fixture workspace
 * (test/fixtures/completion/workspace/) as the workspace, is rendered as text (the
 * first items with their edits, then the remaining labels in order) and compared
 * with <case>.expected.txt.
 */
import * as fs from 'node:fs';
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { universeOf } from '../../server/src/analysis/navigate/universe-cache';
import { completionsAt } from '../../server/src/services/completion';
import { textDocument } from '../../server/src/services/positions';
import { fixtureWorkspace } from '../support/fixture-workspace';
import { extractCursor } from '../support/markers';
import { fixture, fixtureCases } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

const SHOWN = 15;
const KIND_NAMES: Record<number, string> = { 3: 'function', 5: 'label-key', 9: 'namespace', 10: 'field', 12: 'label-value', 15: 'snippet', 20: 'value', 21: 'port', 24: 'operator' };

function renderList(text: string, list: CompletionList): string {
  const document = textDocument(text);
  const lines = [`${list.items.length} items${list.isIncomplete ? ' (incomplete)' : ''}`];
  list.items.slice(0, SHOWN).forEach((item, i) => lines.push(...renderItem(document.getText.bind(document), item, i + 1)));
  const rest = list.items.slice(SHOWN).map((item) => item.label);
  if (rest.length > 0) lines.push(`... then: ${rest.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function renderItem(getText: (range: TextEdit['range']) => string, item: CompletionItem, n: number): string[] {
  const edit = item.textEdit as TextEdit;
  const at = (p: { line: number; character: number }): string => `${p.line + 1}:${p.character + 1}`;
  const flags = [item.insertTextFormat === 2 ? 'snippet' : '', item.command ? 'then suggest' : '', item.filterText ? `filter ${JSON.stringify(item.filterText)}` : ''].filter((f) => f !== '');
  return [
    `${n}. ${item.label}  [${KIND_NAMES[item.kind ?? 0] ?? item.kind}]${item.detail ? `  ${item.detail}` : ''}`,
    `   ${at(edit.range.start)}-${at(edit.range.end)} ${JSON.stringify(getText(edit.range))} -> ${JSON.stringify(edit.newText)}${flags.length > 0 ? `  (${flags.join('; ')})` : ''}`,
  ];
}

describe('completion fixtures', () => {
  const universe = universeOf(fixtureWorkspace(fixture('completion', 'workspace')));
  for (const name of fixtureCases('completion')) {
    test(name, () => {
      const { text, offset } = extractCursor(fs.readFileSync(fixture('completion', `${name}.yaml`), 'utf8'));
      const document = textDocument(text);
      const list = completionsAt(document, analyzeText(text), document.positionAt(offset), universe);
      assertMatchesFile(renderList(text, list), fixture('completion', `${name}.expected.txt`));
    });
  }
});

test('a JSON document gets no completion: what completion inserts is block YAML', () => {
  const { text, offset } = extractCursor('{\n  "apiVersion": "networking.k8s.io/v1",\n  "kind": "NetworkPolicy",\n  "spec": {\n    "policyTypes": [|^|]\n  }\n}\n');
  const document = TextDocument.create('file:///p.json', 'json', 1, text);
  assert.deepEqual(completionsAt(document, analyzeText(text), document.positionAt(offset), undefined).items, []);
  const yaml = textDocument(text);
  assert.ok(completionsAt(yaml, analyzeText(text), yaml.positionAt(offset), undefined).items.length > 0, 'the same text as YAML does get completion');
});
