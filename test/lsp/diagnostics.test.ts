/**
 * Diagnostics over the real protocol: the built server in a child process, a
 * client that opens, edits and closes documents, and waits (with a deadline) for
 * what the server publishes. One server serves the whole file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { fileUri, LspClient } from '../support/lsp-client';
import { EXAMPLES, fixture } from '../support/paths';

const BROKEN = path.join(EXAMPLES, 'mistakes', 'broken-policies.yaml');
const TUTORIAL = path.join(EXAMPLES, 'tutorial', 'policies.yaml');

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: editable
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

function errors(params: PublishDiagnosticsParams): Diagnostic[] {
  return params.diagnostics.filter((d) => d.severity === 1);
}

function syntaxErrors(params: PublishDiagnosticsParams): Diagnostic[] {
  return params.diagnostics.filter((d) => d.code === 'yaml/syntax');
}

describe('diagnostics over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.shutdown();
  });

  test('the unclosed flow sequence of the mistakes example is an error on its line, from netpol-lens', async () => {
    const uri = fileUri(BROKEN);
    const text = fs.readFileSync(BROKEN, 'utf8');
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.version, 1);
    const [syntax, ...more] = syntaxErrors(published);
    assert.ok(syntax, client.failure(`no yaml/syntax diagnostic in ${JSON.stringify(published.diagnostics)}`).message);
    assert.deepEqual(more, []);
    assert.equal(syntax.source, 'netpol-lens');
    assert.equal(syntax.severity, 1);
    // The error points at the `[` that is never closed, not at the end of the file.
    const line = text.split('\n').findIndex((l) => l.includes('policyTypes: [Ingress, Egress'));
    const column = text.split('\n')[line]!.indexOf('[');
    assert.deepEqual(syntax.range, { start: { line, character: column }, end: { line, character: column + '[Ingress, Egress'.length } });
    for (const d of published.diagnostics) assert.equal(d.source, 'netpol-lens');
    client.close(uri);
  });

  test('the tutorial policies have no errors', async () => {
    const uri = fileUri(TUTORIAL);
    client.open(uri, fs.readFileSync(TUTORIAL, 'utf8'));
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(errors(published), []);
    client.close(uri);
  });

  test('an incremental edit that breaks the YAML is reported for the new version, and fixing it clears it', async () => {
    const uri = 'untitled:editable-policy.yaml';
    client.open(uri, POLICY);
    const initial = await client.waitForDiagnostics(uri);
    assert.deepEqual(errors(initial), []);

    const broken = client.replace(uri, '[Ingress]', '[Ingress');
    const withError = await client.waitForDiagnostics(uri);
    assert.equal(withError.version, broken);
    const [syntax] = syntaxErrors(withError);
    assert.ok(syntax, `no syntax error after breaking the text: ${JSON.stringify(withError.diagnostics)}`);
    assert.deepEqual(syntax.range, { start: { line: 7, character: 15 }, end: { line: 7, character: 23 } });

    const fixed = client.change(uri, [{ range: client.range(uri, POLICY.indexOf('[Ingress') + '[Ingress'.length, POLICY.indexOf('[Ingress') + '[Ingress'.length), text: ']' }]);
    const clean = await client.waitForDiagnostics(uri);
    assert.equal(clean.version, fixed);
    assert.equal(client.document(uri).getText(), POLICY);
    // Back to the original text, back to the original diagnostics (whatever the policy checks say about it).
    assert.deepEqual(syntaxErrors(clean), []);
    assert.deepEqual(clean.diagnostics, initial.diagnostics);
    client.close(uri);
  });

  test('a full-text change is analysed like an incremental one', async () => {
    const uri = 'untitled:full-sync.yaml';
    client.open(uri, POLICY);
    await client.waitForDiagnostics(uri);
    const version = client.changeFull(uri, POLICY.replace('[Ingress]', '{Ingress'));
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.version, version);
    assert.notDeepEqual(syntaxErrors(published), []);
    client.close(uri);
  });

  test('non-Kubernetes YAML gets empty diagnostics, even when it is broken', async () => {
    const workflow = fileUri(fixture('parse', 'github-workflow.yaml'));
    client.open(workflow, fs.readFileSync(fixture('parse', 'github-workflow.yaml'), 'utf8'));
    assert.deepEqual((await client.waitForDiagnostics(workflow)).diagnostics, []);
    const broken = 'untitled:broken-compose.yaml';
    client.open(broken, 'services:\n  web: [nginx\n  db: {image: postgres\n');
    assert.deepEqual((await client.waitForDiagnostics(broken)).diagnostics, []);
    client.close(workflow);
    client.close(broken);
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = 'untitled:closing.yaml';
    client.open(uri, POLICY.replace('[Ingress]', '[Ingress'));
    assert.notDeepEqual((await client.waitForDiagnostics(uri)).diagnostics, []);
    client.close(uri);
    const cleared = await client.waitForDiagnostics(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });
});
