/**
 * Where the cursor is, read from the lines around it while the YAML is still
 * being typed: the path, the mode, the typed prefix and what is already there.
 * One row per case: text with `|^|`, then the expected summary.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { cursorPlace, formatPath } from '../../server/src/analysis/complete/yaml-cursor';
import { extractCursor } from '../support/markers';

function summary(textWithCursor: string): string {
  const { text, offset } = extractCursor(textWithCursor);
  const place = cursorPlace(text, offset);
  if (!place) return 'none';
  const replaced = JSON.stringify(text.slice(place.replace.start, place.replace.end));
  const extras = [place.hasColon && place.mode === 'key' ? 'hasColon' : '', place.quote ? `quote ${place.quote}` : '', place.value?.needsSpace ? 'needsSpace' : ''].filter((e) => e !== '');
  return `${place.mode} ${formatPath(place.path) || '(root)'} prefix=${JSON.stringify(place.prefix)} replace=${replaced} col=${place.column} siblings=[${place.siblings.join(',')}]${extras.length > 0 ? ` ${extras.join(' ')}` : ''}`;
}

const CASES: readonly (readonly [string, string])[] = [
  ['spec:\n  podSelector: {}\n  |^|\n  ingress: []\n', 'key spec prefix="" replace="" col=2 siblings=[podSelector,ingress]'],
  ['spec:\n  po|^|dSelector: {}\n', 'key spec prefix="po" replace="podSelector" col=2 siblings=[] hasColon'],
  ['spec:\n  ingress:\n    - fr|^|\n', 'key spec.ingress[] prefix="fr" replace="fr" col=6 siblings=[]'],
  ['spec:\n  ingress:\n    - from: []\n      |^|\n', 'key spec.ingress[] prefix="" replace="" col=6 siblings=[from]'],
  // A compact sequence: the dashes sit at the column of their key.
  ['spec:\n  ingress:\n  - from:\n    - podSelector: {}\n  - |^|\n', 'key spec.ingress[] prefix="" replace="" col=4 siblings=[]'],
  ['spec:\n  ingress:\n  - from:\n    - |^|\n', 'key spec.ingress[].from[] prefix="" replace="" col=6 siblings=[]'],
  ['spec:\n  policyTypes:\n    - Ingress\n    - |^|\n', 'key spec.policyTypes[] prefix="" replace="" col=6 siblings=[Ingress]'],
  ['spec:\n  policyTypes: [Ingress, "Eg|^|"]\n', 'flow-item spec.policyTypes prefix="Eg" replace="Eg" col=2 siblings=[Ingress] quote "'],
  ['spec:\n  podSelector:\n    matchLabels:\n      app: we|^|b # comment\n', 'value spec.podSelector.matchLabels.app prefix="we" replace="web" col=6 siblings=[]'],
  ['spec:\n  podSelector:\n    matchLabels:\n      app:|^|\n', 'value spec.podSelector.matchLabels.app prefix="" replace="" col=6 siblings=[] needsSpace'],
  ['spec:\n  selector: "app == \'w|^|\'"\n', 'value spec.selector prefix="app == \'w" replace="app == \'w\'" col=2 siblings=[] quote "'],
  ['items:\n  - kind: NetworkPolicy\n    spec:\n      |^|\n', 'key items[].spec prefix="" replace="" col=6 siblings=[]'],
  ['spec:\n  # a comment |^|\n', 'none'],
  ['spec:\n  labels: {a: |^|}\n', 'none'],
  ['|^|', 'key (root) prefix="" replace="" col=0 siblings=[]'],
  ['\n\n|^|\n', 'key (root) prefix="" replace="" col=0 siblings=[]'],
  ['a: 1\n---\nb|^|\n', 'key (root) prefix="b" replace="b" col=0 siblings=[]'],
];

test('cursorPlace reads the structure around the cursor', () => {
  const failures = CASES.map(([text, expected]) => ({ text, expected, actual: summary(text) })).filter((c) => c.actual !== c.expected);
  assert.deepEqual(failures, []);
});
