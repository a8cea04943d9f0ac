/**
 * Selector hovers list what the selector matches in the workspace, through the
 * workspace index: checked on the tutorial, where the answers are known.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { explainAt } from '../../server/src/analysis/explain/explain-at';
import { workspaceMatcher } from '../../server/src/workspace/selector-matcher';
import { Workspace } from '../../server/src/workspace/workspace';
import { offsetAfter } from '../support/markers';
import { EXAMPLES, FIXTURES } from '../support/paths';

const TUTORIAL = path.join(EXAMPLES, 'tutorial');
const policiesText = fs.readFileSync(path.join(TUTORIAL, 'policies.yaml'), 'utf8');

function tutorialWorkspace(): Workspace {
  const workspace = new Workspace();
  for (const name of fs.readdirSync(TUTORIAL)) workspace.setFile(`file://${TUTORIAL}/${name}`, fs.readFileSync(path.join(TUTORIAL, name), 'utf8'));
  return workspace;
}

function hover(text: string, offset: number, workspace: Workspace): string {
  const explanation = explainAt(analyzeText(text), offset, { matches: workspaceMatcher(() => workspace.index) });
  assert.ok(explanation, 'expected a hover');
  return explanation.markdown;
}

test('the backend policy podSelector matches the backend Deployment only', () => {
  const offset = offsetAfter(policiesText, 'name: default-access-backend') + policiesText.slice(offsetAfter(policiesText, 'name: default-access-backend')).indexOf('podSelector') + 2;
  const markdown = hover(policiesText, offset, tutorialWorkspace());
  assert.match(markdown, /\*\*In this workspace:\*\* matches `default\/backend\[Deployment\]`\./);
});

test('the peer that admits access in (frontend, full) matches both busyboxes', () => {
  const offset = offsetAfter(policiesText, 'matchExpressions:') - 3;
  const markdown = hover(policiesText, offset, tutorialWorkspace());
  assert.match(markdown, /`default\/busybox1\[Deployment\]`, `default\/busybox2\[Deployment\]`/);
});

test('the default-deny empty podSelector matches every workload of the namespace', () => {
  const offset = offsetAfter(policiesText, 'podSelector: {}') - 8;
  const markdown = hover(policiesText, offset, tutorialWorkspace());
  for (const name of ['backend', 'busybox1', 'busybox2', 'frontend']) assert.ok(markdown.includes(`default/${name}[Deployment]`), `${name} missing from:\n${markdown}`);
});

test('a workspace without workloads says nothing about matches', () => {
  const workspace = new Workspace();
  workspace.setFile('file:///policies.yaml', policiesText);
  const offset = offsetAfter(policiesText, 'podSelector: {}') - 8;
  assert.doesNotMatch(hover(policiesText, offset, workspace), /In this workspace/);
});

test('the DNS peer of a repository without kube-system manifests matches the cluster DNS, present in every cluster', () => {
  const folder = path.join(FIXTURES, 'workspace-findings', 'cluster-dns');
  const text = fs.readFileSync(path.join(folder, 'app.yaml'), 'utf8');
  const workspace = new Workspace();
  workspace.setFile('file:///app.yaml', text);
  const markdown = hover(text, offsetAfter(text, 'k8s-app: kube-dns') - 4, workspace);
  assert.match(markdown, /\*\*In this workspace:\*\* matches `kube-dns \(present in every cluster\)`\./);
  // A workspace that declares its own DNS workload names that one instead.
  const calico = new Workspace();
  for (const name of fs.readdirSync(path.join(EXAMPLES, 'calico'))) calico.setFile(`file:///calico/${name}`, fs.readFileSync(path.join(EXAMPLES, 'calico', name), 'utf8'));
  calico.setFile('file:///app.yaml', text);
  assert.match(hover(text, offsetAfter(text, 'k8s-app: kube-dns') - 4, calico), /matches `kube-system\/coredns\[Deployment\]`\./);
});

test('a selector that matches nothing because of a typo names the nearest label', () => {
  const text = policiesText.replace('access: full', 'access: ful');
  const markdown = hover(text, offsetAfter(text, 'access: ful') - 6, tutorialWorkspace());
  assert.match(markdown, /\*\*In this workspace:\*\* matches nothing; did you mean access=full \(default\/busybox2\)\?/);
});
