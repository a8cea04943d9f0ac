// Guards the examples workspace: tests edit example documents in memory only, so any file
// that changed on disk during a run is a harness bug. It is reported as a failure and
// restored, so a failing run never leaves the project's examples modified.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []);
}

/** Remembers every file's content; `check()` returns a runner entry and restores changes. */
export function guardWorkspace(dir) {
  const before = new Map(listFiles(dir).map((f) => [f, readFileSync(f)]));
  return function check() {
    const changed = [...before].filter(([f, content]) => {
      try { return !readFileSync(f).equals(content); } catch { return true; }
    });
    for (const [f, content] of changed) writeFileSync(f, content);
    const names = changed.map(([f]) => relative(dir, f));
    return { name: 'examples/ left unchanged on disk', ok: names.length === 0,
      error: names.length ? `modified during the run (restored): ${names.join(', ')}` : undefined };
  };
}
