/**
 * `netpol-lens diff` beyond the fixtures: its text parses back into the rows its
 * JSON holds, and `--git` reads the trees of commits (without a checkout) to the
 * same result as the folders they hold.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseTxtRows } from '../../server/src/cli/diff-formats';
import { runCli } from '../../server/src/cli/run-cli';
import { fixture } from '../support/paths';

const CASES = ['connections', 'workloads', 'named-ports', 'ip-blocks', 'icmp'];

for (const name of CASES) {
  test(`diff text of ${name} parses back into the rows of its JSON`, () => {
    const sides = [fixture('cli', 'diff', name, 'old'), fixture('cli', 'diff', name, 'new')];
    const text = runCli(['diff', ...sides]).stdout;
    const json = JSON.parse(runCli(['diff', '--format', 'json', ...sides]).stdout.join('\n')) as { diff: unknown[] };
    assert.ok(json.diff.length > 0);
    assert.equal(text[0], 'Connectivity diff:');
    assert.equal(text.length - 1, json.diff.length);
    assert.deepEqual(parseTxtRows(text), json.diff);
  });
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' } });
}

/** A repository with two commits: `policies/` as diff/<name>/old, then as diff/<name>/new. */
function repositoryOf(name: string): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-git-'));
  git(repo, 'init', '-q', '-b', 'main');
  for (const side of ['old', 'new']) {
    fs.rmSync(path.join(repo, 'policies'), { recursive: true, force: true });
    fs.cpSync(fixture('cli', 'diff', name, side), path.join(repo, 'policies'), { recursive: true });
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', side);
  }
  return repo;
}

test('diff --git A..B prints what diff prints for the folders the commits hold, and touches no file', () => {
  for (const name of CASES) {
    const repo = repositoryOf(name);
    try {
      const before = git(repo, 'status', '--porcelain');
      const fromGit = runCli(['diff', '--git', 'HEAD~1..HEAD'], { cwd: repo });
      const fromFolders = runCli(['diff', fixture('cli', 'diff', name, 'old'), fixture('cli', 'diff', name, 'new')]);
      assert.deepEqual(fromGit, fromFolders, name);
      assert.equal(git(repo, 'status', '--porcelain'), before);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  }
});

test('diff --git REV compares a commit with the files on disk, limited to the PATHs given', () => {
  const repo = repositoryOf('connections');
  try {
    fs.rmSync(path.join(repo, 'policies', 'policies.yaml'));
    fs.cpSync(fixture('cli', 'diff', 'connections', 'old', 'policies.yaml'), path.join(repo, 'policies', 'policies.yaml'));
    const result = runCli(['diff', '--git', 'HEAD', '--format', 'csv', 'policies'], { cwd: repo });
    const reversed = runCli(['diff', '--format', 'csv', fixture('cli', 'diff', 'connections', 'new'), fixture('cli', 'diff', 'connections', 'old')]);
    assert.deepEqual(result, reversed);
    assert.deepEqual(runCli(['diff', '--git', 'HEAD', 'elsewhere'], { cwd: repo }).stdout, ['Connectivity diff:']);
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
});

test('diff --git with an unknown revision or outside a repository exits 3 with one line', () => {
  const repo = repositoryOf('named-ports');
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-nogit-'));
  try {
    assert.deepEqual(runCli(['diff', '--git', 'HEAD..nosuch'], { cwd: repo }), { stdout: [], stderr: ['netpol-lens diff: nosuch: no such revision'], exitCode: 3 });
    const result = runCli(['diff', '--git', 'HEAD~1'], { cwd: outside });
    assert.equal(result.exitCode, 3);
    assert.equal(result.stderr.length, 1);
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

test('diff --git A...B starts at the merge base of A and B; a revision that looks like an option is only a revision', () => {
  const repo = repositoryOf('connections');
  try {
    git(repo, 'checkout', '-q', '-b', 'side', 'HEAD~1');
    fs.writeFileSync(path.join(repo, 'notes.md'), 'unrelated\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'side');
    // main...side: from their merge base (the old policies) to side, which kept them.
    assert.deepEqual(runCli(['diff', '--git', 'main...side'], { cwd: repo }).stdout, ['Connectivity diff:']);
    // side...main: from the same base to main, which has the new policies.
    assert.deepEqual(runCli(['diff', '--git', 'side...main'], { cwd: repo }), runCli(['diff', fixture('cli', 'diff', 'connections', 'old'), fixture('cli', 'diff', 'connections', 'new')]));
    // Read as an option, `--independent` would make merge-base print main itself: an empty diff, exit 0.
    const optionLike = runCli(['diff', '--git', '--independent...main'], { cwd: repo });
    assert.equal(optionLike.exitCode, 3);
    assert.deepEqual(optionLike.stdout, []);
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
});
