/**
 * Cluster-wide policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy,
 * ClusterNetworkPolicy) against hand-derived expectations:
 * test/fixtures/dialects/cluster-network-policy/reach/<case>/ holds a workspace and the
 * connlist `netpol-lens reach` must print, derived from the API's semantics and never
 * regenerated from the tool; a pair the API leaves undefined (equal priorities) is in
 * `ambiguous`, where any listed outcome is right and the why-trace must say so.
 * check/<case>.yaml lists, per object, the fields the API server refuses.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/run-cli';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { rejectionsOf } from '../../server/src/analysis/rejections';
import { EXAMPLES, fixture } from '../support/paths';

const ROOT = fixture(path.join('dialects', 'cluster-network-policy'));
const REACH = path.join(ROOT, 'reach');
const CHECK = path.join(ROOT, 'check');

const reachCases = fs
  .readdirSync(REACH, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

test('at least twenty cluster-wide workspaces', () => {
  assert.ok(reachCases.length >= 20, reachCases.join(', '));
});

interface Ambiguous {
  readonly pair: string;
  readonly outcomes: readonly string[];
}

function ambiguousPairs(folder: string): Ambiguous[] {
  const file = path.join(folder, 'ambiguous');
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [pair, outcomes] = line.split(' : ');
      return { pair: pair!.trim(), outcomes: outcomes!.split('|').map((o) => o.trim()) };
    });
}

for (const name of reachCases) {
  test(`cluster-wide reach: ${name}`, () => {
    const folder = path.join(REACH, name);
    const result = runCli(['reach', folder]);
    const ambiguous = ambiguousPairs(folder);
    const lines = result.stdout.filter((line) => !ambiguous.some((a) => line.startsWith(`${a.pair} : `)));
    const expected = fs.readFileSync(path.join(folder, 'expected.txt'), 'utf8').trimEnd().split('\n');
    assert.deepEqual(lines, expected);
    for (const a of ambiguous) {
      const line = result.stdout.find((l) => l.startsWith(`${a.pair} : `));
      const outcome = line ? line.slice(a.pair.length + 3) : 'No Connections';
      assert.ok(a.outcomes.includes(outcome), `${a.pair}: ${outcome} is none of ${a.outcomes.join(' | ')}`);
      const [src, dst] = a.pair.split(' => ');
      const why = runCli(['why', src!, dst!, folder]).stdout.join('\n');
      assert.match(why, /Ambiguous: .* have the same order/);
    }
  });
}

interface ExpectedObject {
  readonly title: string;
  readonly fields: readonly string[];
}

/** `## Kind name` sections: the fields with errors (`<nil>`: the whole object), none when Accepted. */
function expectedObjects(markdown: string): ExpectedObject[] {
  return markdown
    .split(/^## /m)
    .slice(1)
    .map((section) => {
      const [title, ...body] = section.split('\n');
      const fields = body
        .filter((line) => line.startsWith('| `'))
        .map((line) => /^\| `([^`]*)`/.exec(line)![1]!);
      return { title: title!.trim(), fields };
    });
}

const checkCases = fs
  .readdirSync(CHECK)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

for (const file of checkCases) {
  test(`cluster-wide check: ${file}`, () => {
    const text = fs.readFileSync(path.join(CHECK, file), 'utf8');
    const analysis = analyzeText(text);
    const expected = expectedObjects(fs.readFileSync(path.join(CHECK, file.replace(/\.yaml$/, '.expected.md')), 'utf8'));
    for (const object of expected) {
      // `Kind name (second document)`: the second object of that kind and name.
      const [, title, ordinal] = /^(.*?)(?: \((first|second|third) document\))?$/.exec(object.title)!;
      const same = analysis.objects.filter((o) => title === `${o.kind?.value} ${nameOf(text, o.node.span)}`);
      const ref = same[['first', 'second', 'third'].indexOf(ordinal ?? 'first')];
      assert.ok(ref, `${file}: no object "${object.title}"`);
      const errors = rejectionsOf(analysis.findings, ref);
      const stated = object.fields.filter((f) => f !== '<nil>');
      if (object.fields.length === 0) assert.deepEqual(errors.map((e) => e.message), [], `${file}: ${object.title} is accepted`);
      else assert.ok(errors.length > 0, `${file}: ${object.title} must be rejected (${object.fields.join(', ')})`);
      for (const field of stated) assert.ok(errors.some((e) => e.message.startsWith(`${field}:`) || e.message.startsWith(`${field}.`) || e.message.includes(`"${field}"`) || e.message.includes(` ${field}:`)), `${file}: ${object.title}: no error names ${field}: ${errors.map((e) => e.message).join(' / ')}`);
    }
    assert.ok(expected.length > 0);
  });
}

function nameOf(text: string, span: { start: number; end: number }): string {
  return /\n\s*name:\s*"?([^\s"\n}]+)/.exec(text.slice(span.start, span.end))?.[1] ?? '';
}

test('examples/cluster-wide: the three tiers give the hand-derived connlist, and why names the deciding policy, rule and priority', () => {
  const example = path.join(EXAMPLES, 'cluster-wide');
  const expected = fs.readFileSync(path.join(REACH, 'three-tiers', 'expected.txt'), 'utf8').trimEnd().split('\n');
  assert.deepEqual(runCli(['reach', example]).stdout, expected);
  const why = runCli(['why', 'monitoring/agent[Pod]', 'bank/ledger[Deployment]', example]).stdout.join('\n');
  assert.match(why, /ingress rule 1 of AdminNetworkPolicy monitoring \(tier Admin, priority 10\) \([^)]*\): Allow "[^"]*" from .*; allows TCP 9090/);
});
