/**
 * Every recipe, inserted the way completion inserts it and expanded with its
 * defaults (as pressing Tab through the placeholders would leave it), must be a
 * valid policy: analyzeText finds no error. The expanded text and whatever the
 * checks still say (warnings, hints) are kept in
 * test/fixtures/completion/recipes/<recipe>.expected.txt for review.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import type { Finding } from '../../server/src/core/finding';
import { universeOf } from '../../server/src/analysis/navigate/universe-cache';
import { expandSnippet, POLICY_RECIPES, recipeChoices, renderRecipe, RULE_RECIPES } from '../../server/src/dialects/kubernetes/recipes';
import { completionsAt } from '../../server/src/services/completion';
import { textDocument } from '../../server/src/services/positions';
import { fixtureWorkspace } from '../support/fixture-workspace';
import { extractCursor } from '../support/markers';
import { fixture } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

const universe = universeOf(fixtureWorkspace(fixture('completion', 'workspace')));

function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return '(none)';
  return findings.map((f) => `${f.severity} ${f.code}: ${f.message}`).join('\n');
}

function errorsOf(text: string): Finding[] {
  return analyzeText(text).findings.filter((f) => f.severity === 'error');
}

/** Host documents for rule recipes: the cursor after a typed dash, and on a line with no dash yet. */
const HOSTS: Record<'ingress' | 'egress', readonly string[]> = {
  ingress: ['spec:\n  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n    - |^|\n', 'spec:\n  podSelector: {}\n  policyTypes: [Ingress]\n  ingress:\n    |^|\n'],
  egress: ['spec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - |^|\n', 'spec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    |^|\n'],
};
const HEADER = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: host\n  namespace: shop\n';

/** Applies a completion item's edit and expands its snippet. */
function applyItem(text: string, item: CompletionItem): string {
  const document = textDocument(text);
  const edit = item.textEdit as TextEdit;
  const start = document.offsetAt(edit.range.start);
  const end = document.offsetAt(edit.range.end);
  return text.slice(0, start) + expandSnippet(edit.newText) + text.slice(end);
}

describe('policy recipes expand to valid policies', () => {
  for (const recipe of POLICY_RECIPES) {
    test(recipe.id, () => {
      const plain = expandSnippet(renderRecipe(recipe, recipeChoices(undefined), { column: 0, eol: '\n' }));
      assert.deepEqual(errorsOf(plain), [], plain);
      const fromWorkspace = expandSnippet(renderRecipe(recipe, recipeChoices(universe, 'shop'), { column: 0, eol: '\n' }));
      assert.deepEqual(errorsOf(fromWorkspace), [], fromWorkspace);
      const rendered = `# ${recipe.title}\n# without a workspace:\n${plain}\n# findings: ${describeFindings(analyzeText(plain).findings)}\n\n# with the fixture workspace, namespace shop:\n${fromWorkspace}\n# findings: ${describeFindings(analyzeText(fromWorkspace).findings)}\n`;
      assertMatchesFile(rendered, fixture('completion', 'recipes', `${recipe.id}.expected.txt`));
    });
  }
});

describe('rule recipes inserted by completion give valid policies', () => {
  for (const recipe of RULE_RECIPES) {
    test(recipe.id, () => {
      const direction = recipe.kind === 'ingress-rule' ? 'ingress' : 'egress';
      const results = HOSTS[direction].map((host) => {
        const { text, offset } = extractCursor(HEADER + host);
        const document = textDocument(text);
        const item = completionsAt(document, analyzeText(text), document.positionAt(offset), universe).items.find((i) => i.label === recipe.title);
        assert.ok(item, `${recipe.title} is not offered in:\n${text}`);
        const inserted = applyItem(text, item);
        assert.deepEqual(errorsOf(inserted), [], inserted);
        return `${inserted}# findings: ${describeFindings(analyzeText(inserted).findings)}\n`;
      });
      assert.equal(results[0], results[1], 'the rule reads the same whether or not its dash was typed');
      assertMatchesFile(`# ${recipe.title}\n${results[0]}`, fixture('completion', 'recipes', `${recipe.id}.expected.txt`));
    });
  }
});

test('expandSnippet: defaults, first choices, mirrors and escapes', () => {
  assert.equal(expandSnippet('a ${1:x} ${2|p,q\\,r|} $1 ${2} $0\\$ \\} {\\}'), 'a x p x p $ } {}');
  assert.equal(expandSnippet('${1:outer ${2:inner}} $2'), 'outer inner inner');
});
