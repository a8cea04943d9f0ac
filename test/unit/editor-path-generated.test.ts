/**
 * What the language server publishes after each keystroke must be what a fresh start
 * would publish for the same text. The server takes a shortcut at every stage of an
 * edit: the previous analysis (unchanged `---` documents and everything read and
 * checked from them are reused, moved to their new offsets), the workspace entry (a
 * file's shape compared to decide between a policy-only update and a rebuild), the
 * workspace findings kept per document, and the diagnostics merged from sorted lists and
 * kept per finding while their ranges stay the same.
 * Here the editor benchmark's generated manifests (several policy shapes, comments,
 * flow style, a deliberate mistake in one policy of forty) are edited as a user types:
 * characters typed and deleted inside values and keys, lines and comments added, `---`
 * markers inserted and removed. After every edit, the diagnostics of the incremental path
 * are compared with those of a new workspace that analyses the text from scratch.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from '../../server/src/lsp/analysis-cache';
import { DiagnosticsConverter, toDiagnostics } from '../../server/src/services/diagnostics';
import { Workspace } from '../../server/src/workspace/workspace';
import { crossFileFindings, workspaceFindings } from '../../server/src/workspace/workspace-findings';
import { WorkspaceFindingsCache } from '../../server/src/workspace/workspace-findings-cache';
import { PROJECT_ROOT } from '../support/paths';
import { seededRandom as random } from '../support/seeded-random';

const URI = 'file:///ws/manifest.yaml';

type GenerateManifest = (options: { targetLines: number; seed: number }) => { text: string };

async function generator(): Promise<GenerateManifest> {
  const module = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'bench', 'generate', 'generate-manifest.mjs')).href)) as { generateManifest: GenerateManifest };
  return module.generateManifest;
}

/** What typing does: one or a few characters, a new line, a comment, a document marker; or a deletion. */
const TYPED = ['x', 'a', '1', ' ', ':', '-', '"', '\n', '\n  ', '# note\n', '  # note\n', '---\n', '\n---\n', 'web', '80', '{'];

interface Change {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

function nextChange(text: string, next: () => number): Change {
  // Edits cluster around a few places, as a user works on one policy at a time.
  const at = Math.floor(next() * text.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const where = next() < 0.3 ? lineStart : at;
  if (next() < 0.35) return { at: where, remove: 1 + Math.floor(next() * 4), insert: '' };
  return { at: where, remove: 0, insert: TYPED[Math.floor(next() * TYPED.length)]! };
}

/** The server's path: the document updated by its change, the cache and the workspace fed as the handlers feed them. */
class IncrementalServer {
  readonly workspace = new Workspace();
  private readonly workspaceCache = new WorkspaceFindingsCache();
  private readonly converter = new DiagnosticsConverter();
  private readonly cache = new AnalysisCache((uri, text) => {
    const entry = this.workspace.getFile(uri);
    return entry?.text === text ? entry.analysis : undefined;
  });
  private document: TextDocument;

  constructor(text: string) {
    this.workspace.setFile(URI, text);
    this.document = TextDocument.create(URI, 'yaml', 1, text);
  }

  edit(change: Change): void {
    const range = { start: this.document.positionAt(change.at), end: this.document.positionAt(change.at + change.remove) };
    TextDocument.update(this.document, [{ range, text: change.insert }], this.document.version + 1);
    this.workspace.setFile(URI, this.document.getText(), this.cache.get(this.document));
  }

  diagnostics(): Diagnostic[] {
    const analysis = this.cache.get(this.document);
    const index = this.workspace.index;
    const extra = analysis.relevant ? [...this.workspaceCache.findings(analysis, index), ...crossFileFindings(URI, analysis, index)] : [];
    return this.converter.convert(this.document, analysis, extra);
  }

  get text(): string {
    return this.document.getText();
  }
}

/** From scratch: a new workspace, no previous analysis, no cache. */
function freshDiagnostics(text: string): Diagnostic[] {
  const workspace = new Workspace();
  workspace.setFile(URI, text);
  const analysis = workspace.getFile(URI)!.analysis;
  const index = workspace.index;
  const extra = analysis.relevant ? [...workspaceFindings(analysis, index), ...crossFileFindings(URI, analysis, index)] : [];
  return toDiagnostics(TextDocument.create(URI, 'yaml', 1, text), analysis, extra);
}

test('after every edit of a generated manifest, the incremental path publishes what a fresh analysis publishes', async () => {
  const generate = await generator();
  let compared = 0;
  let withFindings = 0;
  for (const seed of [1, 2, 3]) {
    const server = new IncrementalServer(generate({ targetLines: 1500, seed }).text);
    const next = random(20261207 + seed);
    for (let i = 0; i < 40; i++) {
      server.edit(nextChange(server.text, next));
      const incremental = server.diagnostics();
      assert.deepEqual(incremental, freshDiagnostics(server.text), `seed ${seed}, edit ${i + 1}`);
      compared++;
      if (incremental.length > 20) withFindings++;
    }
  }
  // The manifests keep most of their findings through the edits: the comparison is of many diagnostics, not of empty lists.
  assert.equal(compared, 120);
  assert.ok(withFindings > 100, `${withFindings} of ${compared} comparisons had more than 20 diagnostics`);
});

test('typing and deleting one character in the middle, as the benchmark does, keeps the diagnostics of a fresh analysis', async () => {
  const text = (await generator())({ targetLines: 3000, seed: 1 }).text;
  const server = new IncrementalServer(text);
  const at = text.indexOf('app: ', text.length >> 1) + 'app: '.length;
  for (let i = 0; i < 6; i++) {
    server.edit(i % 2 === 0 ? { at, remove: 0, insert: 'x' } : { at, remove: 1, insert: '' });
    assert.deepEqual(server.diagnostics(), freshDiagnostics(server.text), `edit ${i + 1}`);
  }
  assert.equal(server.text, text);
});
