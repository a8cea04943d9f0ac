/**
 * The server's cache of workspace findings must always answer what the plain
 * function answers: after edits to a policy, and after workloads change labels.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { workspaceFindings } from '../../server/src/workspace/workspace-findings';
import { WorkspaceFindingsCache } from '../../server/src/workspace/workspace-findings-cache';
import { Workspace } from '../../server/src/workspace/workspace';
import { fixture } from '../support/paths';

const POLICIES = 'file:///ws/policies.yaml';
const WORKLOADS = 'file:///ws/workloads.yaml';
const policiesText = fs.readFileSync(fixture('workspace-findings', 'mismatches', 'policies.yaml'), 'utf8');
const workloadsText = fs.readFileSync(fixture('workspace-findings', 'mismatches', 'workloads.yaml'), 'utf8');

function assertSameAsUncached(workspace: Workspace, cache: WorkspaceFindingsCache): void {
  const analysis = workspace.getFile(POLICIES)!.analysis;
  // As JSON: cached findings hold plain spans, fresh ones the parser's (parse/document-span.ts).
  assert.deepEqual(asJson(cache.findings(analysis, workspace.index)), asJson(workspaceFindings(analysis, workspace.index)));
}

test('cached workspace findings equal uncached ones through policy and workload edits', () => {
  const workspace = new Workspace();
  const cache = new WorkspaceFindingsCache();
  workspace.setFile(WORKLOADS, workloadsText);
  workspace.setFile(POLICIES, policiesText);
  assertSameAsUncached(workspace, cache);
  // Text inserted above both policies moves them: reused findings must move too.
  workspace.setFile(POLICIES, '# a new first line\n' + policiesText);
  assertSameAsUncached(workspace, cache);
  // An edit inside the second policy changes its findings only.
  workspace.setFile(POLICIES, policiesText.replace('app: gateway', 'app: web'));
  assertSameAsUncached(workspace, cache);
  // Relabelling a workload changes what every policy matches: nothing stale may survive.
  workspace.setFile(WORKLOADS, workloadsText.replace('labels: {app: web}', 'labels: {app: frontend}'));
  assertSameAsUncached(workspace, cache);
  const analysis = workspace.getFile(POLICIES)!.analysis;
  assert.ok(!cache.findings(analysis, workspace.index).some((f) => f.code === 'netpol/selects-nothing'));
});

function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
