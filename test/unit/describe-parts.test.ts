/**
 * The parts of the describe renderer, each against the Go behaviour it reproduces.
 * Expected values come from the Go sources (text/tabwriter's own documented example,
 * apimachinery's selector String(), time.Parse + Time.String()); the creation times were
 * also checked with the real kubectl 1.32 through scripts/kubectl-describe-oracle.mjs.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { formatCreationTime } from '../../server/src/dialects/kubernetes/describe/creation-time';
import { formatLabelSelector, isEmptySelector, labelSelectorRequirements } from '../../server/src/dialects/kubernetes/describe/format-selector';
import { compareGoStrings, sliceUtf8Bytes, utf8ByteLength } from '../../server/src/dialects/kubernetes/describe/go-strings';
import { alignTabs } from '../../server/src/dialects/kubernetes/describe/tab-writer';
import type { LabelSelector } from '../../server/src/model/types';

/** The podSelector of a policy whose spec.podSelector is the given flow mapping. */
function selector(flow: string): LabelSelector {
  const text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: ${flow}\n`;
  const found = kubernetesPoliciesOf(analyzeText(text))[0]?.spec.podSelector;
  assert.ok(found, `no podSelector read from ${flow}`);
  return found;
}

test('tab writer: the column example of Go text/tabwriter, padding 2', () => {
  // Cells b and c are in different columns: the line "a\t" between them has no second column.
  const input = 'aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n';
  assert.equal(alignTabs(input), 'aaaa  bbb  d\naa    b    dd\na     \naa    cccc  eee\n');
});

test('tab writer: a formfeed ends the line and every column; widths count characters', () => {
  assert.equal(alignTabs('a\tb\naaaa\tc\fx\ty\n'), 'a     b\naaaa  c\nx  y\n');
  assert.equal(alignTabs('é\tx\nab\ty\n'), 'é   x\nab  y\n');
  assert.equal(alignTabs('soft\vtab\nno tabs here\n'), 'soft  tab\nno tabs here\n');
});

test('selector: requirements sorted by key, In/NotIn values sorted, operators spelled as kubectl does', () => {
  const written = '{matchLabels: {zone: a, app: web}, matchExpressions: [{key: tier, operator: In, values: [web, api]}, {key: env, operator: NotIn, values: [test, dev]}, {key: canary, operator: DoesNotExist}, {key: example.com/owned, operator: Exists}]}';
  assert.equal(formatLabelSelector(selector(written)), 'app=web,!canary,env notin (dev,test),example.com/owned,tier in (api,web),zone=a');
  assert.deepEqual(labelSelectorRequirements(selector('{matchLabels: {b: "1", a: "2"}}')), ['a=2', 'b=1']);
});

test('selector: empty prints <none>; an invalid one prints <error>', () => {
  assert.equal(formatLabelSelector(selector('{}')), '<none>');
  assert.ok(isEmptySelector(selector('{}')));
  assert.ok(!isEmptySelector(selector('{matchLabels: {a: b}}')));
  for (const invalid of ['{matchLabels: {"a b": c}}', '{matchLabels: {a: "-x"}}', '{matchExpressions: [{key: a, operator: In}]}', '{matchExpressions: [{key: a, operator: Exists, values: [x]}]}', '{matchExpressions: [{key: a, operator: Gt, values: ["1"]}]}', '{matchExpressions: [{operator: Exists}]}']) {
    assert.equal(formatLabelSelector(selector(invalid)), '<error>', invalid);
    assert.equal(labelSelectorRequirements(selector(invalid)), undefined, invalid);
  }
});

test('selector: label keys follow the qualified-name rules', () => {
  const longName = 'n'.repeat(64);
  assert.equal(formatLabelSelector(selector('{matchLabels: {"Example.com/a": b}}')), '<error>');
  assert.equal(formatLabelSelector(selector(`{matchLabels: {${longName}: b}}`)), '<error>');
  // The prefix is a lowercase DNS subdomain (no "_"); the name part may hold "_" and capitals.
  assert.equal(formatLabelSelector(selector('{matchLabels: {"a_b/c": d}}')), '<error>');
  assert.equal(formatLabelSelector(selector('{matchLabels: {"sub.example-1.com/E.F_g-1": ""}}')), 'sub.example-1.com/E.F_g-1=');
});

test('creation time: RFC 3339 in, Go time.String() in UTC out', () => {
  assert.equal(formatCreationTime('2020-08-14T16:34:35Z'), '2020-08-14 16:34:35 +0000 UTC');
  assert.equal(formatCreationTime('2024-03-05T07:08:09.123456789999+05:30'), '2024-03-05 01:38:09.123456789 +0000 UTC');
  assert.equal(formatCreationTime('2024-03-05T07:08:09,5Z'), '2024-03-05 07:08:09.5 +0000 UTC');
  assert.equal(formatCreationTime('2024-03-05T7:08:09.000Z'), '2024-03-05 07:08:09 +0000 UTC');
  assert.equal(formatCreationTime('2024-12-31T23:30:00-01:00'), '2025-01-01 00:30:00 +0000 UTC');
});

test('creation time: text Go cannot read is printed as written', () => {
  for (const text of ['yesterday', '2023-02-29T00:00:00Z', '2024-03-05t07:08:09z', '2024-03-05T07:08:60Z', '2024-03-05 07:08:09Z']) {
    assert.equal(formatCreationTime(text), text);
  }
});

test('Go strings: byte lengths, byte cuts and byte order', () => {
  assert.equal(utf8ByteLength('aé€😀'), 1 + 2 + 3 + 4);
  assert.equal(sliceUtf8Bytes('aé€', 3), 'aé');
  assert.equal(sliceUtf8Bytes('aé€', 4), 'aé\uFFFD');
  assert.equal(sliceUtf8Bytes('abc', 5), 'abc');
  // U+FF5E sorts before U+1F600 in bytes, though its UTF-16 unit is larger than a surrogate's.
  assert.ok(compareGoStrings('\uFF5E', '😀') < 0);
  assert.ok('\uFF5E' > '😀');
  assert.ok(compareGoStrings('ab', 'abc') < 0 && compareGoStrings('abc', 'ab') > 0 && compareGoStrings('ab', 'ab') === 0);
});
