/** Paths of the project, found from the compiled test file's location (out/test/...). */
import * as fs from 'node:fs';
import * as path from 'node:path';

function findProjectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot();
export const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures');
export const EXAMPLES = path.join(PROJECT_ROOT, 'examples');
export const DIST = path.join(PROJECT_ROOT, 'dist');
/** Material shared by the team next to the project; tests that use it skip when it is absent. */
export const SHARED = path.join(PROJECT_ROOT, '..', 'shared');

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

/** The `.yaml` fixture cases in a folder, by name without extension, sorted. */
export function fixtureCases(feature: string, extension = '.yaml'): string[] {
  return fs
    .readdirSync(fixture(feature))
    .filter((name) => name.endsWith(extension) && !name.includes('.expected') && !name.includes('.fixed'))
    .map((name) => name.slice(0, -extension.length))
    .sort();
}
