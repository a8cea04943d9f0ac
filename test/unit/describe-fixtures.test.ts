/**
 * describeNetworkPolicy against test/fixtures/describe/<case>.yaml -> <case>.describe.txt,
 * one blank line between the policies of a file (the CLI's separator).
 *
 * How the expected files were derived: every one is the output of the real kubectl 1.32
 * (`kubectl describe networkpolicy NAME -n NS`, TZ=UTC), not of this implementation. The
 * script scripts/kubectl-describe-oracle.mjs serves each policy of a fixture to
 * kubectl from a fake API server on 127.0.0.1 that applies the API server's defaults
 * (policyTypes, protocol TCP, namespace "default"); for a policy without creationTimestamp
 * it drops the zero-time "Created on:" line kubectl prints, since we print none then. The
 * script reproduces every golden file of /work/shared/golden/kubectl-describe, which checks
 * the fake server. Each output was also read against kubectl's code (pkg/describe
 * describe.go, apimachinery's selector String(), Go's text/tabwriter):
 * - labels-annotations: printLabelsMultiline (sorted `k=v`, continuation lines start with
 *   a tab) and printAnnotationsMultiline (folded when key+value+2 > 140 bytes or the value
 *   has a newline; one trailing newline trimmed; folded lines cut to 138 bytes + "...";
 *   last-applied-configuration skipped).
 * - annotation-characters: the tabwriter (tabs in values open columns; \v is a tab; \f
 *   breaks the line and ends all columns) and printers.WriteEscaped (\r -> "\r", ESC ->
 *   "^["); byte lengths for non-ASCII; a cut inside a character (U+FFFD once decoded).
 * - creation-timestamp: metav1.Time read from RFC 3339, printed with Go's time.String().
 * - selector-sorting, invalid-selector: LabelSelectorAsSelector + String(): requirements
 *   sorted by key, In/NotIn values sorted, "<error>" when NewRequirement rejects one.
 * - ipblock-ipv6, ports-variants, empty-rules: printNetworkPolicySpecIngressFrom/EgressTo
 *   (ports with the TCP default and "<nil>" for no port, "To Port Range" with endPort,
 *   `<any>` for no ports or no peers, "----------" between rules, "Except: " joined by ", ").
 * - policy-types, missing-spec, list: getPolicyType and policyTypesToString on the stored
 *   (defaulted) policyTypes, the empty podSelector phrasing, nil peer selectors, List items.
 *
 * These files are kubectl's word, so UPDATE_SNAPSHOTS does not rewrite them: regenerate
 * them with scripts/kubectl-describe-oracle.mjs and review the diff instead.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { describeNetworkPolicy } from '../../server/src/dialects/kubernetes/describe/describe-policy';
import { fixture, fixtureCases } from '../support/paths';

function describeFile(path: string): string {
  return kubernetesPoliciesOf(analyzeText(fs.readFileSync(path, 'utf8'))).map((policy) => describeNetworkPolicy(policy)).join('\n');
}

for (const name of fixtureCases('describe')) {
  test(`describe fixture ${name}`, () => {
    const expected = fs.readFileSync(fixture('describe', `${name}.describe.txt`), 'utf8');
    assert.equal(describeFile(fixture('describe', `${name}.yaml`)), expected);
  });
}

test('every describe fixture has its kubectl output', () => {
  const cases = fixtureCases('describe');
  assert.ok(cases.length >= 10, `only ${cases.length} cases found`);
  for (const name of cases) assert.ok(fs.existsSync(fixture('describe', `${name}.describe.txt`)), `${name}.describe.txt is missing`);
});
