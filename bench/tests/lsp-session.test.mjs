// @ts-check
/**
 * The driver against a fake server with known behaviour: which publish answers a change,
 * how a silent or crashing server is reported, that configuration requests are answered
 * from the spec, and that a server ignoring `shutdown` is killed.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateManifest } from '../generate/generate-manifest.mjs';
import { LspSession } from '../lsp/lsp-session.mjs';
import { measureServer } from '../lsp/measure-server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FAKE = path.join(HERE, 'fixtures', 'fake-server.mjs');
const ROOT_URI = pathToFileURL(HERE).toString();
const URI = pathToFileURL(path.join(HERE, 'manifest-test.yaml')).toString();
const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * @param {string} mode
 * @returns {import('../lsp/servers.mjs').ServerSpec}
 */
function fakeSpec(mode) {
  return {
    id: `fake-${mode}`,
    label: `fake server (${mode})`,
    args: [FAKE, mode],
    cwd: HERE,
    validationDelayMs: mode === 'debounced' ? 50 : 0,
    ready: { what: 'a fake/configuration notification', test: (session) => session.lastNotification.has('fake/configuration') },
    settings: { fake: { answer: 42 } },
  };
}

/**
 * @param {string} mode
 * @param {(session: LspSession) => Promise<void>} body
 */
async function withSession(mode, body) {
  const session = new LspSession(fakeSpec(mode));
  try {
    await session.initialize(ROOT_URI, 5000);
    await body(session);
  } finally {
    await session.stop(1000);
  }
  assert.notEqual(session.exitCode, undefined, 'the server process must be gone after stop()');
}

test('answers workspace/configuration from the spec, null for unknown sections', async () => {
  await withSession('versioned', async (session) => {
    const answer = await session.waitFor(() => session.lastNotification.get('fake/configuration'), 'fake/configuration', 5000);
    assert.deepEqual(answer, { items: [{ answer: 42 }, null] });
    assert.equal(session.configurationPulls, 1);
  });
});

test('a versioned server is answered by the publish for the new version, not a stale one', async () => {
  await withSession('versioned', async (session) => {
    let seq = session.seq;
    await session.open(URI, 'a: 1\n');
    assert.equal((await session.nextDiagnostics(URI, seq, 1, 5000)).version, 1);
    seq = session.seq;
    const version = await session.change(URI, RANGE, 'x');
    assert.equal(version, 2);
    const published = await session.nextDiagnostics(URI, seq, version, 5000);
    assert.equal(published.version, 2);
    const stale = session.published.get(URI)?.filter((p) => p.seq > seq && p.version === 1);
    assert.equal(stale?.length, 1, 'the fake sends a stale publish first, which must be skipped');
  });
});

test('an unversioned, debounced server is answered by the first publish after the change', async () => {
  await withSession('debounced', async (session) => {
    const before = session.seq;
    await session.open(URI, 'a: 1\n');
    await session.nextDiagnostics(URI, before, 1, 5000);
    const seq = session.seq;
    const version = await session.change(URI, RANGE, 'x');
    const published = await session.nextDiagnostics(URI, seq, version, 5000);
    assert.equal(published.version, undefined);
    assert.ok(published.seq > seq);
  });
});

test('a server that never publishes fails the wait at its deadline, naming the server and showing its stderr', async () => {
  await withSession('silent', async (session) => {
    const seq = session.seq;
    await session.open(URI, 'a: 1\n');
    await assert.rejects(session.nextDiagnostics(URI, seq, 1, 300), (error) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /^fake server \(silent\) \(pid \d+\) did not send publishDiagnostics for version 1 of .* within 300 ms/);
      assert.match(error.message, /fake server started in silent mode/);
      return true;
    });
  });
});

test('a server that exits while a wait is pending fails the wait at once with its exit code', async () => {
  await withSession('crash', async (session) => {
    const seq = session.seq;
    await session.open(URI, 'a: 1\n');
    await assert.rejects(session.nextDiagnostics(URI, seq, 1, 5000), /exited \(code 3\) while waiting for publishDiagnostics/);
  });
});

test('a server that ignores shutdown is killed by stop()', async () => {
  const session = new LspSession(fakeSpec('stubborn'));
  await session.initialize(ROOT_URI, 5000);
  await session.stop(300);
  assert.notEqual(session.exitCode, undefined);
});

test('measureServer runs the whole scenario and reports completion as n/a when it is not offered', async () => {
  const text = generateManifest({ targetLines: 300, seed: 3 }).text;
  const result = await measureServer(fakeSpec('versioned'), {
    rootUri: ROOT_URI,
    manifest: { uri: URI, text },
    warmup: { uri: pathToFileURL(path.join(HERE, 'manifest-warmup.yaml')).toString(), text },
    outsideUri: pathToFileURL(path.join(HERE, 'outside', 'manifest-test.yaml')).toString(),
    edits: 3,
    hovers: 7,
    completions: 5,
    deadlineMs: 5000,
  });
  assert.equal(result.edits.samples.length, 3);
  assert.equal(result.hover.n, 7);
  assert.equal(result.hover.answered, 7);
  assert.equal(result.completion, null);
  assert.equal(result.openPublishes, 1);
  assert.ok(result.outsideOpenMs > 0);
  assert.ok(result.memory.rssMiB > 0 && result.memory.peakRssMiB >= result.memory.rssMiB);
  assert.deepEqual(result.unexpectedRequests, []);
});
