/**
 * A seeded fuzz test of the BUILT server over stdio (`npm run test:fuzz`, about a
 * minute; not part of `npm test`). Each round opens a document from a corpus (the
 * examples, JSON and Calico policies, templated YAML and texts nested thousands of
 * levels deep), applies random incremental edits, and interleaves requests (some
 * cancelled at once) and notifications with garbage parameters. It asserts what
 * "never a dead server" means: the process stays alive, every request is answered
 * (a result or an error response), the diagnostics after the edits equal those of a
 * fresh open of the final text, and no internal error is ever diagnosed.
 *
 *   FUZZ_SEED=123 FUZZ_ROUNDS=40 npm run test:fuzz
 *
 * The seed and the number of rounds run are printed, so a failure can be replayed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { aliasChainYaml, aliasLaughsYaml, deepBlockYaml, deepFlowYaml, deepJsonList, deepJsonObject } from '../support/deep-shapes';
import { GARBAGE_PARAMS, NOTIFICATIONS } from '../support/garbage-params';
import { fileUri, LspClient } from '../support/lsp-client';
import { EXAMPLES } from '../support/paths';

const SEED = Number(process.env.FUZZ_SEED ?? 19);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 1_000);
/** No round starts after this long, so the test takes about a minute on any machine; a replay with the same seed runs the same rounds in the same order. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 55_000);
const ANSWER_DEADLINE_MS = 30_000;

/** A small deterministic generator (mulberry32), so a failing seed can be replayed. */
function generator(seed: number): { next: () => number; int: (n: number) => number; pick: <T>(items: readonly T[]) => T } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

const CALICO = `apiVersion: projectcalico.org/v3
kind: NetworkPolicy
metadata:
  name: allow-dns
  namespace: shop
spec:
  selector: app == 'web' && (tier in {'a', 'b'} || !has(legacy))
  order: 100
  types: [Egress]
  egress:
  - action: Allow
    protocol: UDP
    destination:
      selector: k8s-app == 'kube-dns'
      ports: [53]
  - action: Deny
    destination:
      nets: [10.0.0.0/8, '::/0']
`;

const JSON_POLICY = '{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"j","namespace":"shop"},"spec":{"podSelector":{"matchLabels":{"app":"web"}},"policyTypes":["Ingress"],"ingress":[{"from":[{"ipBlock":{"cidr":"10.0.0.0/8","except":["10.1.0.0/16"]}}],"ports":[{"port":8080,"endPort":8090}]}]}}';

const TEMPLATED = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  podSelector: {}\n';

function corpus(): { name: string; text: string; json: boolean }[] {
  const read = (file: string): string => fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
  return [
    { name: 'tutorial policies', text: read('tutorial/policies.yaml'), json: false },
    { name: 'tutorial workloads', text: read('tutorial/workloads.yaml'), json: false },
    { name: 'broken policies', text: read('mistakes/broken-policies.yaml'), json: false },
    { name: 'calico', text: CALICO, json: false },
    { name: 'json policy', text: JSON_POLICY, json: true },
    { name: 'templated', text: TEMPLATED, json: false },
    { name: 'empty', text: '', json: false },
    { name: 'deep json object', text: deepJsonObject(1_000), json: true },
    { name: 'deep json list', text: deepJsonList(3_000), json: true },
    { name: 'deep flow yaml', text: deepFlowYaml(10_000), json: false },
    { name: 'deep block yaml', text: deepBlockYaml(2_000), json: false },
    { name: 'just below the nesting limit', text: deepFlowYaml(150), json: false },
    { name: 'a chain of 300 aliases', text: aliasChainYaml(300), json: false },
    { name: 'aliases that expand 3^40 times', text: aliasLaughsYaml(40), json: false },
  ];
}

/** Text typed or pasted: YAML and JSON structure, odd characters, anchors, templates, deep runs. */
const SNIPPETS = [
  ' ', '\n', '  ', '- ', ': ', '{', '}', '[', ']', ',', '"', "'", '#', '---\n', '...\n', '%YAML 1.2\n', '&a ', '*a', '!!str ', '|\n  x\n', '? ',
  'kind: NetworkPolicy\n', 'podSelector: {}\n', 'ingress:\n- from:\n  - podSelector:\n      matchLabels: {app: web}\n', 'ports: [{port: 80, endPort: 70}]\n',
  'cidr: 10.0.0.0/33\n', 'namespaceSelector: {matchExpressions: [{key: a, operator: In, values: []}]}\n', 'é😀\u0000\t', '{{ .Values.x }}', '\r\n',
  '['.repeat(300), '{"a":'.repeat(250), '- '.repeat(250), 'selector: ((((a == "b"))))\n', 'x'.repeat(2_000),
];

const REQUESTS = ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/codeAction', 'textDocument/codeLens', 'textDocument/definition', 'textDocument/references', 'netpolLens/reachabilityMatrix'];

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`).sort();
}

function assertNoInternalError(params: PublishDiagnosticsParams, context: string): void {
  const bad = params.diagnostics.filter((d) => /internal-error/.test(String(d.code)) || /Maximum call stack|out of memory/i.test(String(d.message)));
  assert.deepEqual(bad, [], `${context}: an internal error was diagnosed`);
}

describe(`fuzzing the server over stdio (seed ${SEED}, up to ${ROUNDS} rounds)`, () => {
  let folder: string;
  let client: LspClient;
  const random = generator(SEED);
  const documents = corpus();
  /** Every request sent, so the end can check that each was answered. */
  const answers: Promise<unknown>[] = [];

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'netpol-lens-fuzz-'));
    for (const file of ['policies.yaml', 'workloads.yaml']) fs.copyFileSync(path.join(EXAMPLES, 'tutorial', file), path.join(folder, file));
    client = await LspClient.start({ workspaceFolders: [folder], ...(process.env.FUZZ_SERVER && { serverMain: process.env.FUZZ_SERVER }) });
  });

  after(() => {
    client.kill();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  function request(uri: string, text: string): void {
    const method = random.pick(REQUESTS);
    const offset = random.int(text.length + 1);
    const position = client.document(uri).positionAt(offset);
    const params = { textDocument: { uri }, position, range: { start: position, end: position }, context: { diagnostics: [], includeDeclaration: true } };
    const source = new CancellationTokenSource();
    // A request is answered whether it succeeds, fails or was cancelled: only silence is a failure.
    const answer = client.request(method, method.startsWith('netpolLens/') ? {} : params, ANSWER_DEADLINE_MS, source.token).catch((error: unknown) => {
      if (error instanceof Error && /Timed out|exited|Connection/i.test(error.message)) throw error;
      return error;
    });
    // Awaited all together at the end; until then a failure must not be an unhandled rejection.
    answer.catch(() => undefined);
    answers.push(answer);
    if (random.next() < 0.3) source.cancel();
  }

  function randomEdit(uri: string): void {
    const text = client.document(uri).getText();
    const start = random.int(text.length + 1);
    const end = random.next() < 0.5 ? start : Math.min(text.length, start + random.int(40));
    const insert = random.next() < 0.2 ? '' : random.pick(SNIPPETS);
    client.change(uri, [{ range: client.range(uri, start, end), text: insert }]);
  }

  /**
   * Edits a file of the workspace, which changes the workspace and supersedes any
   * reachability computation under way, with a matrix request in between; then puts
   * the saved text back, so the workspace (and with it every other document's
   * findings) is the same again for the next comparison.
   */
  async function editWorkspaceFile(context: string): Promise<void> {
    const file = path.join(folder, random.pick(['policies.yaml', 'workloads.yaml']));
    const uri = fileUri(file);
    const saved = fs.readFileSync(file, 'utf8');
    client.open(uri, saved);
    for (let i = 1 + random.int(4); i > 0; i--) {
      randomEdit(uri);
      request(uri, client.document(uri).getText());
    }
    assertNoInternalError(await client.waitForDiagnostics(uri, () => true, ANSWER_DEADLINE_MS), `${context}, ${path.basename(file)}`);
    client.changeFull(uri, saved);
    await client.waitForDiagnostics(uri, () => true, ANSWER_DEADLINE_MS);
    client.close(uri);
  }

  test('random edits, requests, cancellations and garbage never break the server, and edits equal a fresh open', async () => {
    const started = performance.now();
    let round = 0;
    for (; round < ROUNDS && performance.now() - started < BUDGET_MS; round++) {
      const source = random.pick(documents);
      const extension = source.json ? 'json' : 'yaml';
      const uri = `untitled:fuzz-${round}.${extension}`;
      const context = `seed ${SEED}, round ${round} (${source.name})`;
      client.open(uri, source.text, source.json ? 'json' : 'yaml');
      const edits = 1 + random.int(15);
      for (let i = 0; i < edits; i++) {
        randomEdit(uri);
        if (random.next() < 0.5) request(uri, client.document(uri).getText());
        if (random.next() < 0.15) client.notify(random.pick(NOTIFICATIONS), random.pick(GARBAGE_PARAMS));
        // Now and then the server gets to publish between edits, as with a slow typist.
        if (random.next() < 0.3) assertNoInternalError(await client.waitForDiagnostics(uri, () => true, ANSWER_DEADLINE_MS), context);
      }
      const edited = await client.waitForDiagnostics(uri, () => true, ANSWER_DEADLINE_MS);
      assertNoInternalError(edited, context);
      const freshUri = `untitled:fresh-${round}.${extension}`;
      const finalText = client.document(uri).getText();
      client.open(freshUri, finalText, source.json ? 'json' : 'yaml');
      const fresh = await client.waitForDiagnostics(freshUri, () => true, ANSWER_DEADLINE_MS);
      assert.deepEqual(summary(edited.diagnostics), summary(fresh.diagnostics), `${context}: the edited document and a fresh open of its text differ\n--- text ---\n${finalText.slice(0, 3_000)}`);
      client.close(uri);
      client.close(freshUri);
      if (random.next() < 0.2) await editWorkspaceFile(context);
      assert.equal(client.exitCode, undefined, `${context}: the server exited`);
    }
    console.log(`fuzz: seed ${SEED}, ${round} rounds, ${answers.length} requests`);
    await Promise.all(answers);
    assert.equal(client.exitCode, undefined, 'the server exited');
    assert.equal(await client.shutdown(), 0);
  });
});
