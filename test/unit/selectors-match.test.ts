import * as assert from 'node:assert/strict';
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { compileSelector, describeSelector, isLabelKey, isLabelValue, labelSetOf, SelectorMatchCache, selectorMatches, type CompileResult } from '../../server/src/model/selectors';

/** Compiles the podSelector written (in flow style) in a minimal policy. */
function compile(flow: string): CompileResult {
  const text = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec:\n  podSelector: ${flow}\n`;
  const selector = kubernetesPoliciesOf(analyzeText(text))[0]?.spec.podSelector;
  assert.ok(selector, `no selector read from ${flow}`);
  return compileSelector(selector);
}

const labels = (pairs: Record<string, string>) => labelSetOf(Object.entries(pairs));

const CASES: { selector: string; matches: Record<string, string>[]; misses: Record<string, string>[] }[] = [
  { selector: '{}', matches: [{}, { app: 'x' }], misses: [] },
  { selector: '{matchLabels: {app: web}}', matches: [{ app: 'web' }, { app: 'web', tier: 'a' }], misses: [{}, { app: 'db' }] },
  { selector: '{matchLabels: {app: web, tier: a}}', matches: [{ app: 'web', tier: 'a' }], misses: [{ app: 'web' }, { tier: 'a' }] },
  { selector: '{matchExpressions: [{key: env, operator: In, values: [dev, test]}]}', matches: [{ env: 'dev' }, { env: 'test' }], misses: [{ env: 'prod' }, {}] },
  { selector: '{matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}', matches: [{ env: 'dev' }, {}], misses: [{ env: 'prod' }] },
  { selector: '{matchExpressions: [{key: debug, operator: Exists}]}', matches: [{ debug: '' }, { debug: 'yes' }], misses: [{}] },
  { selector: '{matchExpressions: [{key: debug, operator: DoesNotExist}]}', matches: [{}, { other: 'x' }], misses: [{ debug: 'no' }] },
  { selector: '{matchLabels: {app: web}, matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}', matches: [{ app: 'web' }], misses: [{ app: 'web', env: 'prod' }, { env: 'dev' }] },
];

for (const c of CASES) {
  test(`selector ${c.selector}`, () => {
    const { selector, problems } = compile(c.selector);
    assert.deepEqual(problems, []);
    for (const set of c.matches) assert.equal(selectorMatches(selector, labels(set)), true, `should match ${JSON.stringify(set)}`);
    for (const set of c.misses) assert.equal(selectorMatches(selector, labels(set)), false, `should not match ${JSON.stringify(set)}`);
    // A plain map works as well as a LabelSet, and the cache agrees with direct matching.
    const cache = new SelectorMatchCache();
    for (const set of [...c.matches, ...c.misses]) {
      assert.equal(selectorMatches(selector, new Map(Object.entries(set))), selectorMatches(selector, labels(set)));
      assert.equal(cache.matches(selector, labels(set)), selectorMatches(selector, labels(set)));
    }
  });
}

test('selector problems are the ones the API server rejects', () => {
  const messages = (flow: string) => compile(flow).problems.map((p) => p.message);
  assert.deepEqual(messages('{matchExpressions: [{key: app, operator: Equals, values: [a]}]}'), ['"Equals" is not a selector operator (In, NotIn, Exists, DoesNotExist).']);
  assert.deepEqual(messages('{matchExpressions: [{key: app, operator: In, values: []}]}'), ['The operator In needs at least one value.']);
  assert.deepEqual(messages('{matchExpressions: [{key: app, operator: Exists, values: [a]}]}'), ['The operator Exists takes no values.']);
  assert.deepEqual(messages('{matchExpressions: [{operator: Exists}]}'), ['A matchExpressions entry needs a "key".']);
  assert.deepEqual(messages('{matchLabels: {"bad key!": x}}'), ['"bad key!" is not a valid label key.']);
  assert.deepEqual(messages('{matchLabels: {app: "-x"}}'), ['"-x" is not a valid label value.']);
});

test('a problem points at the exact node written', () => {
  const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x}\nspec:\n  podSelector: {matchExpressions: [{key: a, operator: Equals}]}\n';
  const selector = kubernetesPoliciesOf(analyzeText(text))[0]!.spec.podSelector!;
  const [problem] = compileSelector(selector).problems;
  assert.equal(text.slice(problem!.span.start, problem!.span.end), 'Equals');
});

test('equal selectors share a key whatever the order they were written in', () => {
  const a = compile('{matchLabels: {app: web, tier: a}}').selector;
  const b = compile('{matchExpressions: [{key: tier, operator: In, values: [a]}], matchLabels: {app: web}}').selector;
  assert.equal(a.key, b.key);
  assert.notEqual(a.key, compile('{matchLabels: {app: web}}').selector.key);
});

test('label sets have canonical keys', () => {
  assert.equal(labelSetOf([['b', '2'], ['a', '1']]).key, labelSetOf([['a', '1'], ['b', '2']]).key);
  assert.notEqual(labelSetOf([['a', '1']]).key, labelSetOf([['a', '2']]).key);
});

test('describeSelector reads like kubectl', () => {
  assert.equal(describeSelector(compile('{}').selector), '(everything)');
  assert.equal(describeSelector(compile('{matchLabels: {app: web}, matchExpressions: [{key: env, operator: In, values: [b, a]}, {key: x, operator: DoesNotExist}]}').selector), 'app=web, env in (a, b), !x');
});

test('label key and value syntax', () => {
  for (const key of ['app', 'app.kubernetes.io/name', 'a_b-c.d', 'kubernetes.io/metadata.name']) assert.ok(isLabelKey(key), key);
  for (const key of ['', '/app', 'Example.com/app', 'app/', '-app', 'a'.repeat(64)]) assert.ok(!isLabelKey(key), key);
  for (const value of ['', 'web', 'v1.2_3']) assert.ok(isLabelValue(value), value);
  for (const value of ['-a', 'a b', 'a'.repeat(64)]) assert.ok(!isLabelValue(value), value);
});
