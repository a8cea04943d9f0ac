/**
 * The server's per-document analysis cache: one analysis per version, the previous
 * version passed on, and an opened file that the workspace index already analysed
 * starting from that analysis instead of a second parse.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, type FileAnalysis } from '../../server/src/analysis/analyze-file';
import { AnalysisCache } from '../../server/src/lsp/analysis-cache';

const TEXT = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\n  namespace: shop\nspec:\n  podSelector: {}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: b\n  namespace: shop\nspec:\n  podSelector: {}\n';
const URI = 'file:///ws/policies.yaml';

test('an opened file with the text the index read starts from the index analysis', () => {
  const indexed = analyzeText(TEXT);
  const asked: string[] = [];
  const cache = new AnalysisCache((uri, text): FileAnalysis | undefined => {
    asked.push(uri);
    return text === TEXT ? indexed : undefined;
  });
  const document = TextDocument.create(URI, 'yaml', 1, TEXT);
  assert.ok(cache.get(document) === indexed);
  assert.ok(cache.get(document) === indexed, 'the same version is not analysed again');
  assert.deepEqual(asked, [URI]);
});

test('the next version is analysed from the previous one, and a different text is never taken from the index', () => {
  const indexed = analyzeText(TEXT);
  const cache = new AnalysisCache((_uri, text) => (text === TEXT ? indexed : undefined));
  const document = TextDocument.create(URI, 'yaml', 1, TEXT);
  const first = cache.get(document);
  const secondPolicy = kubernetesPoliciesOf(first)[1]!;
  TextDocument.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# top\n' }], 2);
  const second = cache.get(document);
  assert.notEqual(second, indexed);
  // The second document was not touched: it is reused, and reads its new place.
  assert.ok(kubernetesPoliciesOf(second)[1] === secondPolicy);
  assert.equal(document.getText().slice(secondPolicy.ref.node.span.start, secondPolicy.ref.node.span.start + 10), 'apiVersion');

  const other = new AnalysisCache((_uri, text) => (text === TEXT ? indexed : undefined));
  const changed = TextDocument.create(URI, 'yaml', 1, TEXT.replace('name: a', 'name: c'));
  assert.notEqual(other.get(changed), indexed);
});

test('one known analysis starts one document only: a second spelling of the uri gets its own', () => {
  const indexed = analyzeText(TEXT);
  const cache = new AnalysisCache((_uri, text) => (text === TEXT ? indexed : undefined));
  const first = cache.get(TextDocument.create(URI, 'yaml', 1, TEXT));
  const second = cache.get(TextDocument.create(URI.replace('policies', '%70olicies'), 'yaml', 1, TEXT));
  assert.ok(first === indexed);
  assert.notEqual(second, indexed);
});
