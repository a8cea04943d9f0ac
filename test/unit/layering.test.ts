/**
 * The layer rules of ARCHITECTURE.md, enforced: dependencies point only downward,
 * and only the folders named there may import `yaml`, the LSP libraries or `vscode`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../support/paths';

const SERVER_SRC = path.join(PROJECT_ROOT, 'server', 'src');

interface ImportSite {
  readonly file: string;
  readonly specifier: string;
  readonly typeOnly: boolean;
}

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): ImportSite[] {
  const text = fs.readFileSync(file, 'utf8');
  const sites: ImportSite[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
    sites.push({ file: path.relative(SERVER_SRC, file), specifier: match[2]!, typeOnly: match[1] !== undefined });
  }
  for (const match of text.matchAll(/\brequire\('([^']+)'\)/g)) {
    sites.push({ file: path.relative(SERVER_SRC, file), specifier: match[1]!, typeOnly: false });
  }
  return sites;
}

/** The top folder of a server/src file (`parse`, `model`, ...) or the file name for top-level files. */
function layerOf(relativeFile: string): string {
  return relativeFile.split(path.sep)[0]!;
}

const ALL = sourceFiles(SERVER_SRC).flatMap(importsOf);

test('only core/parse/ imports the yaml package', () => {
  const offenders = ALL.filter((s) => s.specifier === 'yaml' && !s.file.startsWith(path.join('core', 'parse') + path.sep));
  assert.deepEqual(offenders, []);
});

test('the pure core (core, model, ir, dialects, evaluate, analysis, workspace) imports no LSP library and no vscode', () => {
  const core = new Set(['core', 'model', 'ir', 'dialects', 'evaluate', 'analysis', 'workspace']);
  const offenders = ALL.filter((s) => core.has(layerOf(s.file)) && /^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)/.test(s.specifier));
  assert.deepEqual(offenders, []);
});

test('only lsp/ and server.ts import vscode-languageserver at run time', () => {
  const allowed = (file: string): boolean => layerOf(file) === 'lsp' || file === 'server.ts';
  const offenders = ALL.filter((s) => /^vscode-languageserver(\/node)?$/.test(s.specifier) && !s.typeOnly && !allowed(s.file));
  assert.deepEqual(offenders, []);
});

test('core/ depends on nothing of ours; model/ on core/ only; ir/ on core/ and model/', () => {
  const upward = (from: string, forbidden: string[]): ImportSite[] =>
    ALL.filter((s) => layerOf(s.file) === from && s.specifier.startsWith('.') && forbidden.some((f) => s.specifier.includes(`/${f}/`) || s.specifier.endsWith(`/${f}`)));
  const above = ['ir', 'dialects', 'evaluate', 'analysis', 'services', 'lsp', 'cli', 'workspace'];
  assert.deepEqual(upward('core', ['model', ...above]), []);
  assert.deepEqual(upward('model', above), []);
  assert.deepEqual(upward('ir', above.slice(1)), []);
  assert.deepEqual(upward('analysis', ['services', 'lsp', 'cli']), []);
});

test('nothing on the server side imports vscode', () => {
  assert.deepEqual(ALL.filter((s) => s.specifier === 'vscode'), []);
});
