/**
 * A bug in one handler must cost one empty answer and a log line, never the server:
 * runSafe turns exceptions into the fallback, keeps cancellation an error (as LSP
 * wants), and runSafeSync guards notifications the same way.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { runInBackground, runSafe, runSafeSync } from '../../server/src/lsp/run-safe';

test('an exception becomes the fallback and one log line naming the handler', async () => {
  const lines: string[] = [];
  const result = await runSafe((m) => lines.push(m), 'hover', undefined, null, () => {
    throw new Error('boom');
  });
  assert.equal(result, null);
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /^\[error\] hover failed: boom/);
});

test('a rejected promise is handled like a throw', async () => {
  const lines: string[] = [];
  const result = await runSafe((m) => lines.push(m), 'codeAction', undefined, [] as string[], async () => Promise.reject(new Error('late boom')));
  assert.deepEqual(result, []);
  assert.match(lines[0]!, /codeAction failed: late boom/);
});

test('a cancelled request answers RequestCancelled instead of a result', async () => {
  const source = new CancellationTokenSource();
  source.cancel();
  await assert.rejects(
    runSafe(() => undefined, 'completion', source.token, [], () => ['never']),
    (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled,
  );
});

test('a result is passed through untouched', async () => {
  assert.deepEqual(await runSafe(() => undefined, 'symbols', undefined, [], () => ['a', 'b']), ['a', 'b']);
});

test('runSafeSync logs and swallows a notification handler error', () => {
  const lines: string[] = [];
  runSafeSync((m) => lines.push(m), 'didChangeWatchedFiles', () => {
    throw new Error('disk gone');
  });
  assert.match(lines[0]!, /didChangeWatchedFiles failed: disk gone/);
});

test('a notification whose async work rejects logs the rejection instead of leaving it unhandled', async () => {
  const lines: string[] = [];
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  process.on('unhandledRejection', onUnhandled);
  try {
    runSafeSync((m) => lines.push(m), 'didChangeWatchedFiles', async () => Promise.reject(new Error('bad uri')));
    runInBackground((m) => lines.push(m), 'reading a file', Promise.reject(new Error('gone')));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(unhandled, []);
    assert.deepEqual(lines.map((line) => line.split('\n')[0]).sort(), ['[error] didChangeWatchedFiles failed: bad uri', '[error] reading a file failed: gone']);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
