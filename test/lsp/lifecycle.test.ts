/**
 * The server's life over the real protocol: what it announces at initialize, that
 * it survives requests it cannot answer, and that shutdown + exit end the process
 * with code 0, over stdio and over node IPC.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ErrorCodes, ResponseError, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../support/lsp-client';
import { PROJECT_ROOT } from '../support/paths';

const PACKAGE = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

const BROKEN_POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: x, namespace: y}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress\n';

describe('lifecycle over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(() => client.kill());

  test('initialize announces incremental sync, hover, code actions and the server name and version', () => {
    const result = client.initializeResult;
    assert.ok(result);
    assert.deepEqual(result.serverInfo, { name: 'NetworkPolicy Lens', version: PACKAGE.version });
    const capabilities: ServerCapabilities = result.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.codeActionProvider, 'codeActionProvider missing');
  });

  test('a hover on a document that was never opened answers null, and the server keeps serving', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/never-opened.yaml' }, position: { line: 3, character: 4 } });
    assert.equal(hover, null);
    const uri = 'untitled:after-unknown-hover.yaml';
    client.open(uri, BROKEN_POLICY);
    const published = await client.waitForDiagnostics(uri);
    assert.ok(published.diagnostics.some((d) => d.code === 'yaml/syntax'), JSON.stringify(published.diagnostics));
    client.close(uri);
  });

  test('a hover past the end of a document answers without failing', async () => {
    const uri = 'untitled:short.yaml';
    client.open(uri, 'kind: NetworkPolicy\n');
    const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: { line: 40, character: 99 } });
    assert.ok(hover === null || typeof hover === 'object');
    client.close(uri);
  });

  test('an unknown request is refused as MethodNotFound, and the server keeps serving', async () => {
    await assert.rejects(client.connection.sendRequest('netpolLens/noSuchMethod', {}), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.yaml' }, position: { line: 0, character: 0 } }), null);
  });

  test('a wait that times out says what it waited for and shows the server log', async () => {
    const never = client.waitForDiagnostics('untitled:never-opened.yaml', () => true, 300);
    await assert.rejects(never, (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /Timed out after 300 ms waiting for diagnostics for untitled:never-opened\.yaml/);
      assert.match(error.message, /--- server log ---\n[^]*NetworkPolicy Lens .* ready/);
      return true;
    });
  });

  test('shutdown then exit ends the process with code 0', async () => {
    assert.equal(await client.shutdown(), 0);
    assert.equal(client.exitCode, 0);
  });
});

describe('lifecycle over node IPC', () => {
  test('the same server works over --node-ipc and exits with code 0', async () => {
    const client = await LspClient.start({ transport: 'ipc' });
    try {
      assert.equal(client.initializeResult?.serverInfo?.name, 'NetworkPolicy Lens');
      const uri = 'untitled:over-ipc.yaml';
      client.open(uri, BROKEN_POLICY);
      const published = await client.waitForDiagnostics(uri);
      const syntax = published.diagnostics.find((d) => d.code === 'yaml/syntax');
      assert.deepEqual(syntax?.range, { start: { line: 5, character: 15 }, end: { line: 5, character: 23 } });
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });
});
