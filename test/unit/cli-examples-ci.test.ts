/**
 * examples/ci, run: every workflow step that calls netpol-lens runs here as GitHub
 * would run it (bash -e, in the checkout), on a repository whose main branch holds
 * diff/connections/old and whose HEAD holds diff/connections/new; the pre-commit
 * hook's entry runs on the files its pattern picks. `npx --yes netpol-lens` becomes
 * this build's bin (the packed package is tested in cli-pack.test.ts).
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { runCli } from '../../server/src/cli/run-cli';
import { EXAMPLES, fixture, PROJECT_ROOT } from '../support/paths';

const BIN = `node '${path.join(PROJECT_ROOT, 'bin', 'netpol-lens')}'`;
const CI = path.join(EXAMPLES, 'ci');

interface Workflow {
  jobs: Record<string, { steps: { name?: string; run?: string }[] }>;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
}

/** main (also as origin/main) holds the old policies, HEAD the new ones. */
function pullRequestCheckout(): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-ci-'));
  git(repo, 'init', '-q', '-b', 'main');
  fs.cpSync(fixture('cli', 'diff', 'connections', 'old'), path.join(repo, 'k8s'), { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'old');
  git(repo, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  git(repo, 'checkout', '-q', '-b', 'change');
  fs.cpSync(fixture('cli', 'diff', 'connections', 'new'), path.join(repo, 'k8s'), { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'new');
  return repo;
}

function runStep(script: string, cwd: string): { status: number | null; stderr: string } {
  const run = spawnSync('bash', ['-e', '-c', script.replaceAll('npx --yes netpol-lens', BIN)], { cwd, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

test('the workflow steps run: SARIF written for code scanning, the diff as the comment body', (t) => {
  const workflow = parse(fs.readFileSync(path.join(CI, 'github-actions.yml'), 'utf8')) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((s) => s.run?.includes('netpol-lens')));
  assert.deepEqual(
    steps.map((s) => s.name),
    ['Check the policies', 'Connectivity diff'],
  );
  const repo = pullRequestCheckout();
  t.after(() => fs.rmSync(repo, { recursive: true, force: true }));
  for (const step of steps) {
    const result = runStep(step.run!, repo);
    assert.equal(result.status, 0, `${step.name}: ${result.stderr}`);
  }
  const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'netpol-lens.sarif'), 'utf8')) as { version: string; runs: unknown[] };
  assert.equal(sarif.version, '2.1.0');
  const table = runCli(['diff', '--format', 'md', fixture('cli', 'diff', 'connections', 'old'), fixture('cli', 'diff', 'connections', 'new')]).stdout;
  assert.equal(fs.readFileSync(path.join(repo, 'netpol-diff.md'), 'utf8'), ['### Connectivity changes of this pull request', '', ...table, ''].join('\n'));
});

test('the pre-commit hook stops a commit with an invalid policy and passes a valid one', (t) => {
  const [hook] = parse(fs.readFileSync(path.join(CI, 'pre-commit-hooks.yaml'), 'utf8')) as { entry: string; files: string }[];
  const pattern = new RegExp(hook!.files);
  const repo = pullRequestCheckout();
  t.after(() => fs.rmSync(repo, { recursive: true, force: true }));
  fs.copyFileSync(fixture('cli', 'check', 'mixed.yaml'), path.join(repo, 'k8s', 'mixed.yaml'));
  fs.writeFileSync(path.join(repo, 'notes.txt'), 'not a manifest\n');
  const staged = ['k8s/policies.yaml', 'k8s/mixed.yaml', 'notes.txt'].filter((f) => pattern.test(f));
  assert.deepEqual(staged, ['k8s/policies.yaml', 'k8s/mixed.yaml']);
  const entry = hook!.entry.replace(/^netpol-lens/, BIN);
  assert.equal(runStep(`${entry} ${staged.join(' ')}`, repo).status, 1);
  assert.equal(runStep(`${entry} k8s/policies.yaml k8s/workloads.yaml`, repo).status, 0);
});
