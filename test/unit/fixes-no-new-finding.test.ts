/**
 * A fix is offered only where its result is right: every quick fix, refactoring and
 * source action offered anywhere in every YAML fixture and example is applied on its
 * own, and the result must hold no finding the text did not already have (counted
 * by code, so findings that merely moved are the same). Two consequences are allowed:
 * a quick fix that removes an error (a policy the API server would reject) may reveal
 * warnings the checks do not give a rejected policy, though never a new error; and
 * "Split into two peers" exists to write the OR, so the OR-where-AND-was-meant
 * warning on its result is what it asks for.
 */
import { kubernetesPoliciesOf } from '../../server/src/dialects/kubernetes/reading';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { quickFixes, refactoringsAt, sourceActionsAt } from '../../server/src/analysis/fixes';
import { applyEdits, type Fix } from '../../server/src/analysis/fixes/fix';
import type { Severity } from '../../server/src/core/finding';
import { EXAMPLES, FIXTURES } from '../support/paths';

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) && !entry.name.includes('.fixed.') ? [full] : [];
  });
}

const FILES = [...yamlFiles(FIXTURES), ...yamlFiles(EXAMPLES)].sort();

/** Findings by code: a fix that moves text moves findings, but must not add one. */
function codeCounts(text: string): Map<string, { n: number; severity: Severity }> {
  const counts = new Map<string, { n: number; severity: Severity }>();
  for (const f of analyzeText(text).findings) counts.set(f.code, { n: (counts.get(f.code)?.n ?? 0) + 1, severity: f.severity });
  return counts;
}

type Allowance = 'nothing' | 'revealed-warnings' | 'or-peers';

function newFindings(before: ReturnType<typeof codeCounts>, after: ReturnType<typeof codeCounts>, allowance: Allowance): string[] {
  const allowed = (code: string, severity: Severity): boolean =>
    (allowance === 'or-peers' && code === 'netpol/separate-peers') || (allowance === 'revealed-warnings' && severity !== 'error');
  return [...after]
    .filter(([code, { n, severity }]) => n > (before.get(code)?.n ?? 0) && !allowed(code, severity))
    .map(([code, { n }]) => `${code} (${before.get(code)?.n ?? 0} -> ${n})`);
}

function offeredFixes(text: string): { fix: Fix; allowance: Allowance }[] {
  const analysis = analyzeText(text);
  const fixes = analysis.findings.flatMap((f) => quickFixes(analysis, f.code, f.data).map((fix) => ({ fix, allowance: (f.severity === 'error' ? 'revealed-warnings' : 'nothing') as Allowance })));
  for (const policy of kubernetesPoliciesOf(analysis)) {
    for (const fix of [...refactoringsAt(analysis, policy.ref.node.span), ...sourceActionsAt(analysis, policy.ref.node.span)]) {
      fixes.push({ fix, allowance: fix.title.startsWith('Split into two peers') ? 'or-peers' : 'nothing' });
    }
  }
  return fixes;
}

test('no offered fix, refactoring or source action adds a finding', () => {
  let applied = 0;
  const problems: string[] = [];
  for (const file of FILES) {
    const text = fs.readFileSync(file, 'utf8').replace('|^|', '');
    const before = codeCounts(text);
    for (const { fix, allowance } of offeredFixes(text)) {
      const added = newFindings(before, codeCounts(applyEdits(text, fix.edits)), allowance);
      if (added.length > 0) problems.push(`${path.relative(FIXTURES, file)}: "${fix.title}" adds ${added.join(', ')}`);
      applied++;
    }
  }
  assert.deepEqual(problems, []);
  // Guards against a registry that silently stopped offering fixes.
  assert.ok(applied >= 100, `only ${applied} fixes were applied`);
});
