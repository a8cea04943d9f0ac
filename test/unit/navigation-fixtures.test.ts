/**
 * Go to Definition, Find References and the workload hover across files: each
 * test/fixtures/navigation/<case>.yaml (cursor at `|^|`) joins the fixture
 * workspace (test/fixtures/navigation/workspace/), and the answers at the cursor are
 * rendered (file, 1-based range, the line it lands on) and compared with
 * <case>.expected.txt.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import type { Hover, Location } from 'vscode-languageserver';
import { definitionAt, locator, navWorld, referencesAt, workloadHoverAt } from '../../server/src/services/navigation';
import { textDocument } from '../../server/src/services/positions';
import { Workspace } from '../../server/src/workspace/workspace';
import { fixtureWorkspace } from '../support/fixture-workspace';
import { extractCursor } from '../support/markers';
import { fixture, fixtureCases } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

function workspaceWith(folder: string, extra: { uri: string; text: string }): Workspace {
  const workspace = fixtureWorkspace(folder);
  workspace.setFile(extra.uri, extra.text);
  return workspace;
}

function renderLocations(locations: readonly Location[], workspace: Workspace): string[] {
  if (locations.length === 0) return ['  (none)'];
  return locations.map((l) => {
    const text = workspace.getFile(l.uri)?.text ?? '';
    const line = text.split('\n')[l.range.start.line] ?? '';
    const at = (p: { line: number; character: number }): string => `${p.line + 1}:${p.character + 1}`;
    return `  ${path.basename(fileURLToPath(l.uri))} ${at(l.range.start)}-${at(l.range.end)} | ${line.trim()}`;
  });
}

function renderHover(hover: Hover | null): string[] {
  if (!hover) return ['  (none)'];
  const range = hover.range!;
  const value = (hover.contents as { value: string }).value;
  return [`  range ${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`, ...value.split('\n').map((l) => `  ${l}`.trimEnd())];
}

describe('navigation fixtures', () => {
  for (const name of fixtureCases('navigation')) {
    test(name, () => {
      const file = fixture('navigation', `${name}.yaml`);
      const uri = pathToFileURL(file).toString();
      const { text, offset } = extractCursor(fs.readFileSync(file, 'utf8'));
      const workspace = workspaceWith(fixture('navigation', 'workspace'), { uri, text });
      const document = textDocument(text, uri);
      const analysis = workspace.getFile(uri)!.analysis;
      const position = document.positionAt(offset);
      const world = navWorld(workspace, uri, analysis);
      const locate = locator(workspace, document, uri);
      const lines = [
        'definition:',
        ...renderLocations(definitionAt(document, analysis, position, world, locate), workspace),
        'references (with the declaration):',
        ...renderLocations(referencesAt(document, analysis, position, world, locate, uri, true), workspace),
        'workload hover:',
        ...renderHover(workloadHoverAt(document, analysis, position, uri, workspace.reach())),
      ];
      assertMatchesFile(`${lines.join('\n')}\n`, fixture('navigation', `${name}.expected.txt`));
    });
  }
});
