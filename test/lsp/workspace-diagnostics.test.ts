/**
 * Workspace-aware diagnostics over stdio: the server indexes a folder, publishes
 * "matches nothing" findings for a policy file, and refreshes them when another
 * file's unsaved edit makes the selector match.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { IndexStatusNotification, type IndexStatusParams } from '../../server/src/protocol';
import { fileUri, LspClient } from '../support/lsp-client';
import { fixture } from '../support/paths';

const FOLDER = fixture('workspace-findings', 'mismatches');
const POLICIES = fixture('workspace-findings', 'mismatches', 'policies.yaml');
const WORKLOADS = fixture('workspace-findings', 'mismatches', 'workloads.yaml');

const codes = (params: { diagnostics: readonly { code?: string | number }[] }): string[] => params.diagnostics.map((d) => String(d.code));

describe('workspace-aware diagnostics over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ workspaceFolders: [FOLDER] });
    await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready' && p.files === 2);
  });
  after(() => client.kill());

  test('a policy whose podSelector matches no workload gets netpol/selects-nothing', async () => {
    const uri = fileUri(POLICIES);
    client.open(uri, fs.readFileSync(POLICIES, 'utf8'));
    const published = await client.waitForDiagnostics(uri, (p) => codes(p).includes('netpol/selects-nothing'));
    const finding = published.diagnostics.find((d) => d.code === 'netpol/selects-nothing')!;
    assert.equal(finding.severity, 3);
    assert.equal(client.document(uri).getText(finding.range), 'podSelector');
  });

  test('relabelling the workload in another open buffer clears the finding without touching the policy file', async () => {
    const policies = fileUri(POLICIES);
    const workloads = fileUri(WORKLOADS);
    client.open(workloads, fs.readFileSync(WORKLOADS, 'utf8'));
    client.replace(workloads, 'labels: {app: web}', 'labels: {app: frontend}');
    const refreshed = await client.waitForNotification<{ uri: string; diagnostics: { code?: string | number }[] }>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === policies && !codes(p).includes('netpol/selects-nothing'),
    );
    assert.ok(!codes(refreshed).includes('netpol/selects-nothing'));
    // The other workspace findings of the file are still there.
    assert.ok(codes(refreshed).includes('netpol/named-port-undeclared'));
  });
});
