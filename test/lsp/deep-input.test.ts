/**
 * Texts nested thousands of levels deep, over the real protocol. Each is the only file
 * of its workspace and the first one opened, then edited by one space, which once
 * aborted the process (a regular expression compiled on a stack that deep) or gave
 * "Maximum call stack size exceeded" findings that differed between an edit and a
 * fresh open. Past the nesting limit a document gets exactly one `yaml/too-deep`
 * diagnostic, whatever the path that analysed it, and the server keeps answering.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { deepBlockYaml, deepFlowYaml, deepJsonList, deepJsonObject } from '../support/deep-shapes';
import { fileUri, LspClient } from '../support/lsp-client';

const SHAPES = [
  { name: 'a 2 KB JSON object nested 1,000 deep', file: 'deep.json', languageId: 'json', text: deepJsonObject(1_000) },
  { name: 'a JSON kind: List nested 3,000 deep', file: 'lists.json', languageId: 'json', text: deepJsonList(3_000) },
  { name: 'a YAML flow sequence nested 10,000 deep', file: 'flow.yaml', languageId: 'yaml', text: deepFlowYaml(10_000) },
  { name: 'a YAML block sequence nested 5,000 deep', file: 'block.yaml', languageId: 'yaml', text: deepBlockYaml(5_000) },
];

const SMALL_POLICY = '{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"p","namespace":"n"},"spec":{"podSelector":{}}}';

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`).sort();
}

function assertOnlyTooDeep(diagnostics: readonly Diagnostic[]): void {
  assert.deepEqual(diagnostics.map((d) => d.code), ['yaml/too-deep'], JSON.stringify(diagnostics).slice(0, 2000));
  assert.match(String(diagnostics[0]!.message), /^Nested too deeply to analyse/);
}

describe('deeply nested documents', () => {
  const folders: string[] = [];
  const clients: LspClient[] = [];
  after(() => {
    for (const client of clients) client.kill();
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  for (const shape of SHAPES) {
    test(`${shape.name}: the first edit gets one too-deep diagnostic, the same as a fresh open, and the server lives`, async () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-deep-'));
      folders.push(folder);
      fs.writeFileSync(path.join(folder, shape.file), shape.text);
      const client = await LspClient.start({ workspaceFolders: [folder] });
      clients.push(client);
      const uri = fileUri(path.join(folder, shape.file));
      client.open(uri, shape.text, shape.languageId);
      assertOnlyTooDeep((await client.waitForDiagnostics(uri)).diagnostics);

      const end = shape.text.length;
      client.change(uri, [{ range: client.range(uri, end, end), text: ' ' }]);
      const edited = await client.waitForDiagnostics(uri);
      assertOnlyTooDeep(edited.diagnostics);

      const fresh = `untitled:fresh-${shape.file}`;
      client.open(fresh, client.document(uri).getText(), shape.languageId);
      assert.deepEqual(summary((await client.waitForDiagnostics(fresh)).diagnostics), summary(edited.diagnostics));
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }), null);
      assert.equal(await client.shutdown(), 0);
    });
  }

  test('pasting a JSON object nested 50,000 deep over a policy: every edit and request is answered', async () => {
    const client = await LspClient.start();
    clients.push(client);
    const uri = 'untitled:pasted.json';
    client.open(uri, SMALL_POLICY, 'json');
    await client.waitForDiagnostics(uri);
    const deep = deepJsonObject(50_000);
    client.change(uri, [{ range: client.range(uri, 0, SMALL_POLICY.length), text: deep }]);
    assertOnlyTooDeep((await client.waitForDiagnostics(uri)).diagnostics);
    for (let i = 0; i < 5; i++) {
      client.change(uri, [{ range: client.range(uri, 1, 1), text: ' ' }]);
      assertOnlyTooDeep((await client.waitForDiagnostics(uri)).diagnostics);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 100 + i } }), null);
    }
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols, []);
    assert.equal(await client.shutdown(), 0);
  });
});
