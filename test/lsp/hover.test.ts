/**
 * textDocument/hover over the real protocol: the built server in a child process
 * (stdio), the tutorial policies opened in it, cursors found by text. The answer
 * over the wire must be exactly what the hover service computes in-process.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol/node';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { hoverAt } from '../../server/src/services/hover';
import { textDocument } from '../../server/src/services/positions';
import { fileUri, LspClient } from '../support/lsp-client';
import { EXAMPLES, fixture } from '../support/paths';

const TUTORIAL = path.join(EXAMPLES, 'tutorial', 'policies.yaml');

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'no hover');
  const contents = hover.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

describe('hover over stdio', () => {
  let client: LspClient;
  const uri = fileUri(TUTORIAL);
  const text = fs.readFileSync(TUTORIAL, 'utf8');

  before(async () => {
    client = await LspClient.start();
    client.open(uri, text);
  });
  after(async () => {
    await client.shutdown();
  });

  /** Hovers `uri` at the offset `delta` characters into the first `search` after `from`. */
  function hover(search: string, from: string, delta = 1, on = uri): Promise<Hover | null> {
    const current = client.document(on).getText();
    const at = current.indexOf(search, current.indexOf(from));
    assert.ok(at >= 0, `${search} not found after ${from}`);
    return client.request<Hover | null>('textDocument/hover', { textDocument: { uri: on }, position: client.document(on).positionAt(at + delta) });
  }

  test('the server announces hover support', () => {
    assert.equal(client.initializeResult?.capabilities.hoverProvider, true);
  });

  test('podSelector of default-access-backend: the same answer as the in-process service', async () => {
    const answer = await hover('podSelector:', 'name: default-access-backend', 3);
    const at = text.indexOf('podSelector:', text.indexOf('name: default-access-backend'));
    const local = textDocument(text, uri);
    assert.deepEqual(answer, hoverAt(local, analyzeText(text), local.positionAt(at + 3)));
    assert.deepEqual(answer?.range, client.range(uri, at, at + 'podSelector'.length));
    assert.match(markdownOf(answer), /- `app=my-nginx`\n- AND `tier=backend`/);
  });

  test('the peer of default-access-frontend is explained with its In expression', async () => {
    const markdown = markdownOf(await hover('- podSelector:', 'name: default-access-frontend', 0));
    assert.match(markdown, /^\*\*`from` item 1 of 1\*\*/);
    assert.match(markdown, /`access` set to `frontend` or `full`/);
  });

  test('the policy kind shows the summary and the kubectl describe block', async () => {
    // The first `NetworkPolicy` of the file is the kind of default-deny-ingress.
    const markdown = markdownOf(await hover('NetworkPolicy', '', 2));
    assert.match(markdown, /^\*\*NetworkPolicy `default-deny-ingress`\*\*/);
    assert.match(markdown, /All pods in namespace `default` accept no ingress at all/);
    assert.match(markdown, /```text\nName: +default-deny-ingress\n/);
  });

  test('a comment, and non-Kubernetes YAML, get no hover', async () => {
    assert.equal(await hover('# The frontend', '', 3), null);
    const workflow = fileUri(fixture('parse', 'github-workflow.yaml'));
    client.open(workflow, fs.readFileSync(fixture('parse', 'github-workflow.yaml'), 'utf8'));
    assert.equal(await hover('runs-on', '', 2, workflow), null);
    client.close(workflow);
  });

  test('hovers follow edits', async () => {
    const editable = 'untitled:hover-edit.yaml';
    client.open(editable, text);
    client.replace(editable, 'access: full', 'access: partial');
    const markdown = markdownOf(await hover('partial', 'name: default-access-backend', 1, editable));
    assert.match(markdown, /exactly the value `partial`/);
    client.close(editable);
  });
});
