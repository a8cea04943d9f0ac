/**
 * The fast reader of plain YAML (core/parse/simple-region.ts) must build exactly the tree
 * the `yaml` package builds: the same nodes, values, styles, flags and spans, and no
 * problems. Whenever it accepts a region, both readings are compared as JSON (numbers
 * written with their sign and NaN kept); where it gives up, the full parse is used, so
 * giving up is always right. Over the benchmark generator's workspaces (every region
 * must be accepted there), every YAML file of the fixtures and examples, and seeded
 * random mutations of them, which mostly leave the subset or break the YAML.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { documentRegions } from '../../server/src/core/parse/document-regions';
import { parseFile, parseRegionWithYaml } from '../../server/src/core/parse/parse-documents';
import { readSimpleRegion } from '../../server/src/core/parse/simple-region';
import { EXAMPLES, FIXTURES, PROJECT_ROOT } from '../support/paths';
import { seededRandom as random } from '../support/seeded-random';

type Generated = { files: Map<string, string> };
type Generator = (options: { namespaces: number; workloads: number; policies: number; shape: string }) => Generated;

/** The tree as comparable text: spans as offsets, numbers with their sign, NaN and bigints kept. */
function treeText(docs: unknown): string {
  return JSON.stringify(docs, (_key, value: unknown) => {
    if (typeof value === 'number') return `number:${Object.is(value, -0) ? '-0' : String(value)}`;
    if (typeof value === 'bigint') return `bigint:${value}`;
    return value;
  });
}

/** Compares both readings of each region of `text`; returns how many regions the fast reader accepted, of how many. */
function compareRegions(text: string, where: string): { accepted: number; regions: number } {
  let accepted = 0;
  const regions = documentRegions(text);
  for (const { start, end } of regions) {
    const region = text.slice(start, end);
    const simple = readSimpleRegion(region, { offset: start });
    if (!simple) continue;
    accepted++;
    const full = parseRegionWithYaml(region, { offset: start });
    assert.equal(treeText(simple), treeText(full), `${where}: the region at ${start} reads differently:\n${region}`);
  }
  return { accepted, regions: regions.length };
}

function yamlFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...yamlFiles(full));
    else if (/\.ya?ml$/i.test(entry.name)) found.push(full);
  }
  return found;
}

async function generator(): Promise<Generator> {
  const module = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'bench', 'reach', 'generate.mjs')).href)) as { generateWorkspace: Generator; SHAPES: string[] };
  return module.generateWorkspace;
}

/**
 * Comment lines of every indentation (which decides the collection the `yaml` package gives a
 * comment to), after content, with what a comment may hold, and at the end of a text.
 */
const COMMENTS = ['# c\n', '\n# c', '  # c\n', '\n  # c', '    # c\n', '\n    # c\n', '      # c\n', '\n      # c', ' # c', '#c', '# a: [b] {{ x }}\n', '# it? yes! *a &b\n', '#\n', '\n#'];

/** Characters that change YAML's structure most, for mutations. */
const MUTATIONS = [' ', '  ', '\n', '"', "'", '"a b"', "'x'", "''", '""', '"1": ', '-', '- ', ':', ': ', ',', '[', ']', '{', '}', '0', '1', 'y', '~', '.', 'e', '+', '---\n', 'null', 'true', '0x1F', '0o17', '1e3', '.5', '-0', '.inf', '.NaN', '010', '1_000', 'a:b', ...COMMENTS];

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const choice = next();
  if (choice < 0.3) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
  const insert = MUTATIONS[Math.floor(next() * MUTATIONS.length)]!;
  return choice < 0.65 ? text.slice(0, at) + insert + text.slice(at) : text.slice(0, at) + insert + text.slice(at + insert.length);
}

test('every region of the generated workspaces is read by the fast reader, exactly as the yaml package reads it', async () => {
  const generate = await generator();
  for (const shape of ['standard', 'ipblocks', 'named-ports', 'unique-labels']) {
    const { files } = generate({ namespaces: 6, workloads: 120, policies: 60, shape });
    for (const [uri, text] of files) {
      const { accepted, regions } = compareRegions(text, `${shape} ${uri}`);
      assert.equal(accepted, regions, `${shape} ${uri}: the fast reader gave up on ${regions - accepted} of ${regions} regions`);
    }
  }
});

test('every region of the editor benchmark manifests, comments and all, is read by the fast reader as the yaml package reads it', async () => {
  const { generateManifest } = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'bench', 'generate', 'generate-manifest.mjs')).href)) as { generateManifest: (options: { targetLines: number; seed: number }) => { text: string } };
  for (const seed of [1, 2, 3]) {
    const { text } = generateManifest({ targetLines: 3000, seed });
    assert.match(text, /^ *#/m);
    const { accepted, regions } = compareRegions(text, `manifest seed ${seed}`);
    assert.equal(accepted, regions, `seed ${seed}: the fast reader gave up on ${regions - accepted} of ${regions} regions`);
  }
});

test('the fixtures and examples read the same by both readers where the fast one accepts them', () => {
  let accepted = 0;
  let regions = 0;
  for (const file of [...yamlFiles(FIXTURES), ...yamlFiles(EXAMPLES)]) {
    const counted = compareRegions(fs.readFileSync(file, 'utf8'), path.relative(PROJECT_ROOT, file));
    accepted += counted.accepted;
    regions += counted.regions;
  }
  // Most fixtures carry comments or quotes, which the fast reader leaves alone; some must be read, or this compares nothing.
  assert.ok(accepted >= 50, `the fast reader accepted only ${accepted} of ${regions} regions`);
});

test('mutated regions are either refused by the fast reader or read exactly as the yaml package reads them', async () => {
  const generate = await generator();
  const samples = [...generate({ namespaces: 2, workloads: 20, policies: 20, shape: 'named-ports' }).files.values()].flatMap((text) => documentRegions(text).map(({ start, end }) => text.slice(start, end)));
  const fixtures = [...yamlFiles(FIXTURES), ...yamlFiles(EXAMPLES)].map((file) => fs.readFileSync(file, 'utf8')).filter((text) => readSimpleRegion(text, { offset: 0 }) !== undefined);
  const next = random(20261207);
  let accepted = 0;
  const all = [...samples, ...fixtures];
  for (let i = 0; i < 6000; i++) {
    let text = all[i % all.length]!;
    const times = 1 + Math.floor(next() * 3);
    for (let k = 0; k < times; k++) text = mutate(text, next);
    accepted += compareRegions(text, `mutation ${i}`).accepted;
  }
  assert.ok(accepted >= 1000, `only ${accepted} mutated regions were accepted: the comparison tests too little`);
});

test('a plain region nested deeper than the limit is still refused as too deep, not read', () => {
  const levels = 250;
  const blocks = Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}a:`).join('\n') + ' x\n';
  const flows = `${'a: '.repeat(1)}${'['.repeat(levels)}x${']'.repeat(levels)}\n`;
  for (const text of [blocks, flows]) {
    assert.equal(readSimpleRegion(text, { offset: 0 }), undefined);
    const [doc] = parseFile(text).documents;
    assert.deepEqual(doc?.problems.map((p) => p.code), ['yaml/too-deep']);
    assert.equal(doc?.root, null);
  }
});
