/**
 * The hover the real-VS-Code test relies on: `podSelector` of the tutorial's
 * default-access-backend policy, with the cursor found by text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { hoverAt } from '../../server/src/services/hover';
import { textDocument } from '../../server/src/services/positions';
import { EXAMPLES } from '../support/paths';

const TUTORIAL = path.join(EXAMPLES, 'tutorial', 'policies.yaml');

test('hovering podSelector of default-access-backend explains its labels with AND', () => {
  const text = fs.readFileSync(TUTORIAL, 'utf8');
  const policyStart = text.indexOf('name: default-access-backend');
  const keyStart = text.indexOf('podSelector:', policyStart);
  assert.ok(policyStart >= 0 && keyStart > policyStart, 'the tutorial no longer has the policy this test hovers');
  const document = textDocument(text);
  const hover = hoverAt(document, analyzeText(text), document.positionAt(keyStart + 3));
  assert.ok(hover, 'no hover on podSelector');
  assert.deepEqual(hover.range, { start: document.positionAt(keyStart), end: document.positionAt(keyStart + 'podSelector'.length) });
  const contents = hover.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  assert.match(contents.value, /^\*\*`spec\.podSelector`\*\*: the pods this policy applies to\./);
  assert.match(contents.value, /namespace `default`/);
  assert.match(contents.value, /- `app=my-nginx`\n- AND `tier=backend`/);
});

test('hovering kind of each tutorial policy summarises that policy, not another one', () => {
  const text = fs.readFileSync(TUTORIAL, 'utf8');
  const document = textDocument(text);
  const analysis = analyzeText(text);
  const names = ['default-deny-ingress', 'default-access-frontend', 'default-access-backend'];
  for (const name of names) {
    const kind = text.lastIndexOf('kind: NetworkPolicy', text.indexOf(`name: ${name}`));
    const hover = hoverAt(document, analysis, document.positionAt(kind + 'kind: '.length));
    assert.ok(hover, `no hover on the kind of ${name}`);
    assert.match((hover.contents as { value: string }).value, new RegExp(`^\\*\\*NetworkPolicy \`${name}\`\\*\\*`));
  }
});
