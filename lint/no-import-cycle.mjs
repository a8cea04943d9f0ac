// ESLint rule: no import cycles, type-only imports included.
//
// import-x/no-cycle skips `import type`, but a type-only cycle still ties two modules
// into one unit that cannot be understood, tested or moved apart, so the layer rules
// count every import. The graph is read with TypeScript's own import scanner
// (ts.preProcessFile) once per file per lint run.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** file -> the files it imports (relative specifiers resolved to .ts files). */
const graph = new Map();

function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (candidate.endsWith('.ts') && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

function importsOf(file) {
  let deps = graph.get(file);
  if (deps === undefined) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const info = ts.preProcessFile(text, true, true);
    deps = [...new Set(info.importedFiles.map((f) => resolve(file, f.fileName)).filter((f) => f !== undefined))];
    graph.set(file, deps);
  }
  return deps;
}

/** A path of imports from `start` back to `goal`, or undefined (breadth first: the shortest). */
function pathBack(start, goal) {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift();
    if (file === goal) {
      const chain = [];
      for (let at = file; at !== undefined; at = previous.get(at)) chain.unshift(at);
      return chain;
    }
    for (const next of importsOf(file)) {
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow import cycles, type-only imports included.' },
    schema: [],
    messages: { cycle: 'Import cycle: {{chain}}.' },
  },
  create(context) {
    const file = context.filename;
    const check = (node) => {
      const target = node.source && resolve(file, node.source.value);
      if (!target) return;
      const chain = pathBack(target, file);
      if (chain) {
        const names = [file, ...chain].map((f) => path.relative(path.dirname(file), f) || path.basename(f));
        context.report({ node: node.source, messageId: 'cycle', data: { chain: names.join(' -> ') } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};


