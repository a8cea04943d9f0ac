/**
 * A Workspace holding the YAML files of a fixture folder, each under its file:// URL,
 * added in name order: the workspace several data-driven tests (completion,
 * recipes, navigation) compute their answers against.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Workspace } from '../../server/src/workspace/workspace';

export function fixtureWorkspace(folder: string): Workspace {
  const workspace = new Workspace();
  for (const name of fs.readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = path.join(folder, name);
    workspace.setFile(pathToFileURL(file).toString(), fs.readFileSync(file, 'utf8'));
  }
  return workspace;
}
