/**
 * Nothing outside a dialect's folder (server/src/dialects/<name>/) and the registry
 * names the dialect: generic code reaches every dialect through the Dialect interface
 * and the registry's list, so adding a dialect is adding a folder. A file names a
 * dialect when it imports from the dialect's folder, or when its text says a word of
 * the dialect (Calico: the word itself; the Kubernetes dialect: its API group, since
 * "Kubernetes" and the kind names are the generic vocabulary). Text people read that
 * names a dialect comes from the dialect (its title, its words).
 *
 * ESLint (eslint.config.mjs) enforces the import half on the import graph; this test
 * also reads the words, in the server and in the client.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../support/paths';

/**
 * Files outside a dialect folder allowed to name one: the network plugins of the cluster
 * profile, where "calico" is the plugin that carries a cluster's traffic (whatever policy
 * dialects the workspace holds), not the projectcalico.org/v3 dialect.
 */
const REACHABILITY_ALLOWED: readonly string[] = ['server/src/analysis/profile/network-plugins.ts'];

/**
 * The one import between dialect folders (eslint.config.mjs names it too): Calico runs
 * Kubernetes NetworkPolicies in its own order, so its ordering lints read their
 * policyTypes as the API server defaults them, from the Kubernetes dialect, and its
 * workspace ordering lints read the Kubernetes policies of each file.
 */
const CROSS_DIALECT_ALLOWED: readonly string[] = ['server/src/dialects/calico/ordering/kubernetes-shapes.ts -> kubernetes', 'server/src/dialects/calico/workspace-order.ts -> kubernetes'];

const SERVER_SRC = path.join(PROJECT_ROOT, 'server', 'src');
const DIALECTS_DIR = path.join(SERVER_SRC, 'dialects');
const REGISTRY = path.join(DIALECTS_DIR, 'registry.ts');

/** The words that name each dialect in text; every dialect folder must have its entry. */
const DIALECT_WORDS: Readonly<Record<string, RegExp>> = {
  calico: /calico/i,
  // The cluster-wide policies' group, policy.networking.k8s.io, is not this one.
  kubernetes: /(?<!policy\.)networking\.k8s\.io/,
  'cluster-network-policy': /policy\.networking\.k8s\.io|AdminNetworkPolicy|ClusterNetworkPolicy/,
};

const DIALECT_NAMES = fs.readdirSync(DIALECTS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|mts|js|mjs|html|css)$/.test(entry.name) ? [full] : [];
  });
}

/** The dialect folder a file is in, if any. */
function dialectOf(file: string): string | undefined {
  const relative = path.relative(DIALECTS_DIR, file);
  return relative.startsWith('..') ? undefined : relative.split(path.sep)[0];
}

/** `file:line: text` for each line of `file` that names dialect `name` (a word of it, or an import from its folder). */
function mentions(file: string, name: string): string[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const folder = path.join(DIALECTS_DIR, name);
  const found: string[] = [];
  lines.forEach((line, index) => {
    const specifier = /(?:from\s+|import\s*\(\s*|require\(\s*)'(\.[^']*)'/.exec(line)?.[1];
    const target = specifier ? path.resolve(path.dirname(file), specifier) : undefined;
    const imports = target !== undefined && (target === folder || target.startsWith(folder + path.sep));
    if (imports || DIALECT_WORDS[name]!.test(line)) found.push(`${path.relative(PROJECT_ROOT, file)}:${index + 1}: ${line.trim()}`);
  });
  return found;
}

const FILES = [...sourceFiles(SERVER_SRC), ...sourceFiles(path.join(PROJECT_ROOT, 'client'))];

test('every dialect folder has the words that name it', () => {
  assert.deepEqual(DIALECT_NAMES, Object.keys(DIALECT_WORDS).sort());
});

for (const name of DIALECT_NAMES) {
  test(`no file outside dialects/${name}/ and the registry names the ${name} dialect`, () => {
    const offenders = FILES.filter((file) => file !== REGISTRY && dialectOf(file) !== name)
      .filter((file) => {
        const relative = path.relative(PROJECT_ROOT, file).split(path.sep).join('/');
        return !REACHABILITY_ALLOWED.includes(relative) && !CROSS_DIALECT_ALLOWED.includes(`${relative} -> ${name}`);
      })
      .flatMap((file) => mentions(file, name));
    assert.deepEqual(offenders, [], `${offenders.length} lines name the ${name} dialect outside its folder:\n${offenders.join('\n')}`);
  });
}

test('the allow-lists name only files that still need them', () => {
  const stale = REACHABILITY_ALLOWED.filter((file) => {
    const full = path.join(PROJECT_ROOT, file);
    return !fs.existsSync(full) || DIALECT_NAMES.every((name) => mentions(full, name).length === 0);
  });
  assert.deepEqual(stale, [], 'these files name no dialect any more: take them off REACHABILITY_ALLOWED');
});
