/**
 * The server never asks for locale-aware behaviour: `Intl`, `localeCompare` and
 * `toLocale*` make Node load ICU's locale data, several MiB of resident memory for
 * orders and formats our ASCII codes and numbers do not need (ARCHITECTURE.md, Memory).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../support/paths';

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

test('server code uses no Intl, localeCompare or toLocale* call', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(path.join(PROJECT_ROOT, 'server', 'src'))) {
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/\bIntl\.|\.localeCompare\(|\.toLocale[A-Za-z]*\(/.test(line)) offenders.push(`${path.relative(PROJECT_ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(offenders, []);
});
