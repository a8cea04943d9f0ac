/**
 * Workspace symbols (Go to Symbol in Workspace) over the navigation fixture
 * workspace: policies (Kubernetes and Calico) and workloads, ranked by a fuzzy
 * query, rendered as `name [container] kind file:range` and compared with
 * test/fixtures/symbols/workspace.expected.txt.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { locator } from '../../server/src/services/navigation';
import { workspaceSymbolsFor } from '../../server/src/services/symbols';
import { Workspace } from '../../server/src/workspace/workspace';
import { fixture } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

const KINDS: Record<number, string> = { 5: 'Class', 19: 'Object' };
const QUERIES = ['', 'web', 'shop/', 'prom', 'lbld', 'nothing-like-this'];

test('workspace symbols by query', () => {
  const workspace = new Workspace();
  const folder = fixture('navigation', 'workspace');
  for (const name of fs.readdirSync(folder).sort()) workspace.setFile(pathToFileURL(path.join(folder, name)).toString(), fs.readFileSync(path.join(folder, name), 'utf8'));
  const lines = QUERIES.flatMap((query) => [
    `query ${JSON.stringify(query)}:`,
    ...workspaceSymbolsFor(workspace, query, locator(workspace)).map((s) => {
      const location = s.location as { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
      const range = `${location.range.start.line + 1}:${location.range.start.character + 1}-${location.range.end.line + 1}:${location.range.end.character + 1}`;
      return `  ${s.name} [${s.containerName ?? ''}] ${KINDS[s.kind] ?? s.kind} ${path.basename(fileURLToPath(location.uri))}:${range}`;
    }),
  ]);
  assertMatchesFile(`${lines.join('\n')}\n`, fixture('symbols', 'workspace.expected.txt'));
});
