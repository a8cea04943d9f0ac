/**
 * The analysis facade decides whether a file is ours to speak about: YAML that is
 * not about NetworkPolicies gets no findings at all (not even its syntax errors,
 * which other YAML tools report), while a policy file gets its syntax errors.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { EXAMPLES, fixture } from '../support/paths';

function read(...parts: string[]): string {
  return fs.readFileSync(fixture(...parts), 'utf8');
}

function syntaxFindings(text: string): string[] {
  return analyzeText(text)
    .findings.filter((f) => f.code.startsWith('yaml/'))
    .map((f) => `${f.code} ${JSON.stringify(text.slice(f.span.start, f.span.end))}`);
}

describe('analyzeText relevance', () => {
  for (const name of ['github-workflow', 'docker-compose', 'number-keys', 'scalar-and-sequence-documents', 'empty', 'only-comments', 'tabs-indent', 'json-manifest']) {
    const expected = name === 'json-manifest';
    test(`parse/${name} is ${expected ? '' : 'not '}relevant`, () => {
      const analysis = analyzeText(read('parse', `${name}.yaml`));
      assert.equal(analysis.relevant, expected);
      if (!expected) assert.deepEqual(analysis.findings, []);
    });
  }

  test('broken non-Kubernetes YAML gets no findings, though it has syntax problems', () => {
    const text = 'services:\n  web: [nginx\n  db: {image: postgres\nname: a\nname: b\n';
    const analysis = analyzeText(text);
    assert.notDeepEqual(analysis.parsed.documents[0]?.problems, []);
    assert.equal(analysis.relevant, false);
    assert.deepEqual(analysis.findings, []);
  });

  test('a Deployment alone is not relevant', () => {
    const analysis = analyzeText(fs.readFileSync(path.join(EXAMPLES, 'tutorial', 'workloads.yaml'), 'utf8'));
    assert.ok(analysis.objects.length > 0);
    assert.equal(analysis.relevant, false);
    assert.deepEqual(analysis.findings, []);
  });

  test('the tutorial policies are relevant and have no syntax findings', () => {
    const analysis = analyzeText(fs.readFileSync(path.join(EXAMPLES, 'tutorial', 'policies.yaml'), 'utf8'));
    assert.equal(analysis.relevant, true);
    assert.ok(kubernetesPoliciesOf(analysis).length >= 3);
    assert.deepEqual(syntaxFindings(analysis.parsed.text), []);
  });

  test('a policy file gets its syntax errors, on the node at fault', () => {
    assert.deepEqual(syntaxFindings(read('parse', 'unclosed-flow-seq.yaml')), ['yaml/syntax "[Ingress, Egress"']);
    assert.deepEqual(syntaxFindings(read('parse', 'unclosed-flow-map.yaml')), ['yaml/syntax "{matchLabels: {app: web}"']);
    assert.deepEqual(syntaxFindings(read('parse', 'duplicate-keys.yaml')), ['yaml/duplicate-key "name"', 'yaml/duplicate-key "podSelector"']);
  });

  test('the mistakes example reports its unclosed flow sequence at the bracket', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'mistakes', 'broken-policies.yaml'), 'utf8');
    assert.deepEqual(syntaxFindings(text), ['yaml/syntax "[Ingress, Egress"']);
  });

  test('a file too broken to hold a policy is relevant when it says kind: NetworkPolicy', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n\tname: tabbed\n';
    const analysis = analyzeText(text);
    assert.equal(analysis.relevant, true);
    assert.deepEqual(syntaxFindings(text), ['yaml/syntax "\\t"']);
  });

  test('a syntax error in another document of a policy file is reported', () => {
    const text = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}}\n---\nkind: ConfigMap\ndata: [x\n';
    assert.deepEqual(syntaxFindings(text), ['yaml/syntax "[x"']);
  });

  test('Helm templates are silent: no policies, no findings, no crash', () => {
    assert.equal(analyzeText(read('parse', 'helm-template.yaml')).relevant, true);
    for (const name of ['helm-template', 'helm-template-after-flow-root']) {
      const analysis = analyzeText(read('parse', `${name}.yaml`));
      assert.deepEqual(kubernetesPoliciesOf(analysis), [], name);
      assert.deepEqual(analysis.findings, [], name);
    }
  });

  test('a NetworkPolicyList and a kind: List give one policy per item', () => {
    assert.deepEqual(
      kubernetesPoliciesOf(analyzeText(read('model', 'kind-list.yaml'))).map((p) => [p.ref.listIndex, p.metadata.name?.value]),
      [
        [0, 'first-in-list'],
        [3, 'second-in-list'],
      ],
    );
    assert.deepEqual(
      kubernetesPoliciesOf(analyzeText(read('model', 'networkpolicy-list.yaml'))).map((p) => [p.ref.docIndex, p.ref.listIndex, p.metadata.name?.value]),
      [
        [0, 0, 'from-kubectl'],
        [1, undefined, 'after-the-list'],
      ],
    );
  });
});
