/**
 * describeNetworkPolicy against the team's kubectl golden files: every policy of
 * shared/golden/kubectl-describe/<case>.yaml must print exactly as <case>.describe.txt.
 *
 * The golden files were made on a cluster, so their "Created on:" line is the time the
 * policy was created there, not anything the file says: that line is ignored on both sides.
 * A file with several policies has them under header lines written by the script that
 * made the files (not by kubectl); the harness writes the same headers around ours.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { describedNamespace, describeNetworkPolicy } from '../../server/src/dialects/kubernetes/describe/describe-policy';
import type { NetworkPolicy } from '../../server/src/model/types';
import { SHARED } from '../support/paths';

const GOLDEN = path.join(SHARED, 'golden', 'kubectl-describe');

function withoutCreatedOn(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('Created on:'))
    .join('\n');
}

/** The golden script's header, e.g. `===== describe.sh: file=samples/a.yaml namespace=x name=y =====`. */
function header(fileName: string, policy: NetworkPolicy): string {
  return `===== describe.sh: file=samples/${fileName} namespace=${describedNamespace(policy)} name=${policy.metadata.name?.value ?? ''} =====\n`;
}

function describeGoldenFile(fileName: string): string {
  const policies = kubernetesPoliciesOf(analyzeText(fs.readFileSync(path.join(GOLDEN, fileName), 'utf8')));
  if (policies.length === 1 && policies[0]) return describeNetworkPolicy(policies[0]);
  return policies.map((policy) => header(fileName, policy) + describeNetworkPolicy(policy)).join('');
}

const goldenFiles = fs.existsSync(GOLDEN) ? fs.readdirSync(GOLDEN).filter((name) => name.endsWith('.yaml')).sort() : [];

test('golden kubectl describe files are present', (t) => {
  if (goldenFiles.length === 0) return t.skip(`no golden files in ${GOLDEN}`);
  assert.ok(goldenFiles.includes('multi-doc.yaml'), 'multi-doc.yaml is part of the golden set');
});

for (const fileName of goldenFiles) {
  test(`golden describe ${fileName}`, () => {
    const expected = fs.readFileSync(path.join(GOLDEN, fileName.replace(/\.yaml$/, '.describe.txt')), 'utf8');
    assert.equal(withoutCreatedOn(describeGoldenFile(fileName)), withoutCreatedOn(expected));
  });
}
