/**
 * Compares output with an expected file. With UPDATE_SNAPSHOTS=1 the expected file
 * is (re)written instead, and a reviewer reads the diff.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

export const UPDATING = process.env.UPDATE_SNAPSHOTS === '1';

export function assertMatchesFile(actual: string, expectedPath: string): void {
  if (UPDATING) {
    fs.writeFileSync(expectedPath, actual);
    return;
  }
  if (!fs.existsSync(expectedPath)) {
    assert.fail(`Missing expected file ${expectedPath}; run with UPDATE_SNAPSHOTS=1 to create it, then review it.`);
  }
  assert.equal(actual, fs.readFileSync(expectedPath, 'utf8'), `output differs from ${expectedPath}`);
}
