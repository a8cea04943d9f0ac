/**
 * Outline, workspace symbols, Go to Definition, Find References and code lenses over
 * the real protocol, with the navigation fixture workspace indexed by the built
 * server. Positions are found by text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, DocumentSymbol, Location, Position, WorkspaceSymbol } from 'vscode-languageserver-protocol/node';
import { IndexStatusNotification, SHOW_REACHABILITY_COMMAND, SHOW_REFERENCES_COMMAND, type IndexStatusParams } from '../../server/src/protocol';
import { fileUri, LspClient } from '../support/lsp-client';
import { fixture } from '../support/paths';

const FOLDER = fixture('navigation', 'workspace');
const POLICIES = path.join(FOLDER, 'policies.yaml');
const WORKLOADS = path.join(FOLDER, 'workloads.yaml');

describe('navigation over stdio', () => {
  let client: LspClient;
  const policies = fileUri(POLICIES);
  const workloads = fileUri(WORKLOADS);

  before(async () => {
    client = await LspClient.start({ workspaceFolders: [FOLDER] });
    await client.waitForNotification<IndexStatusParams>(IndexStatusNotification.method, (p) => p.state === 'ready' && p.files > 0);
    client.open(policies, fs.readFileSync(POLICIES, 'utf8'));
    client.open(workloads, fs.readFileSync(WORKLOADS, 'utf8'));
  });
  after(() => client.kill());

  /** The position `delta` characters into the first `search` after `from`. */
  function at(uri: string, search: string, from = '', delta = 1): Position {
    const text = client.document(uri).getText();
    const offset = text.indexOf(search, text.indexOf(from));
    assert.ok(offset >= 0, `${search} not found after ${from}`);
    return client.document(uri).positionAt(offset + delta);
  }

  function lineOf(location: Location): string {
    return fs.readFileSync(new URL(location.uri), 'utf8').split('\n')[location.range.start.line]!.trim();
  }

  test('the server announces the navigation providers', () => {
    const caps = client.initializeResult?.capabilities;
    assert.ok(caps?.documentSymbolProvider && caps.workspaceSymbolProvider && caps.definitionProvider && caps.referencesProvider);
    assert.deepEqual(caps?.codeLensProvider, { resolveProvider: true });
  });

  test('the outline has each policy with its rules', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: policies } });
    assert.deepEqual(
      symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]),
      [
        ['shop/api-from-web', ['ingress 1: from app=web on TCP http']],
        ['shop/backend-from-ops', ['ingress 1: from namespaces team=ops on all ports']],
        ['shop/egress-anywhere', ['egress 1: to anywhere on all ports']],
      ],
    );
  });

  test('workspace symbols find policies and workloads', async () => {
    const symbols = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'api' });
    assert.deepEqual(symbols.map((s) => s.name), ['shop/api', 'shop/api-from-web']);
  });

  test('Go to Definition from a podSelector lands on the pod labels of the matching workloads', async () => {
    const found = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: policies }, position: at(policies, 'podSelector', 'name: backend-from-ops') });
    assert.deepEqual(found.map((l) => [path.basename(new URL(l.uri).pathname), l.range.start.line + 1, lineOf(l)]), [
      ['workloads.yaml', 10, 'app: api'],
      ['workloads.yaml', 28, 'app: db'],
    ]);
  });

  test('Find References from a workload lists the policies and peers about it', async () => {
    const found = await client.request<Location[]>('textDocument/references', { textDocument: { uri: workloads }, position: at(workloads, 'app: api'), context: { includeDeclaration: false } });
    assert.deepEqual(found.map((l) => [path.basename(new URL(l.uri).pathname), lineOf(l)]), [
      ['calico.yaml', 'selector: has(app)'],
      ['policies.yaml', 'podSelector:'],
      ['policies.yaml', 'podSelector:'],
      ['policies.yaml', 'podSelector: {}'],
      ['policies.yaml', '- {}'],
    ]);
  });

  test('code lenses: ours are resolved on demand, the reachability panel\'s come along', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: policies } });
    const unresolved = lenses.filter((l) => !l.command);
    assert.equal(unresolved.length, 6, 'a selects and a traffic lens per policy');
    assert.equal(lenses.filter((l) => l.command?.command === SHOW_REACHABILITY_COMMAND).length, 3);
    const resolved = await Promise.all(unresolved.slice(2, 4).map((lens) => client.request<CodeLens>('codeLens/resolve', lens)));
    assert.deepEqual(resolved.map((l) => [l.command?.title, l.command?.command]), [
      ['selects 2 workloads', SHOW_REFERENCES_COMMAND],
      ['allows traffic from 2 workloads', SHOW_REFERENCES_COMMAND],
    ]);
    const [uri, position, locations] = resolved[0]!.command!.arguments as [string, Position, Location[]];
    assert.equal(uri, policies);
    assert.deepEqual(position, unresolved[2]!.range.start);
    assert.deepEqual(locations.map(lineOf), ['app: api', 'app: db']);
    const [, , peers] = resolved[1]!.command!.arguments as [string, Position, Location[]];
    assert.deepEqual(peers.map(lineOf), ['app.kubernetes.io/name: prometheus', 'app: tool'], 'the traffic comes from prometheus and tool (team=ops)');
  });
});
