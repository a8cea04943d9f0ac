// ESLint rule: no export that no other module imports.
//
// An export nobody imports is dead code or an accident of a move; either way it widens
// what a module appears to promise. Imports are counted across every root given in the
// options (server, client, tests, benchmarks), so a function kept for the tests stays
// exported. Types (interfaces, type aliases) are not counted: a type exported next to
// the function whose signature uses it names that signature for callers, used or not.
// The import graph is read with TypeScript's parser, once per file per run.
// (import-x/no-unused-modules needs ESLint's removed FileEnumerator API.)
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const EXTENSIONS = ['.ts', '.mts', '.mjs', '.js'];

function filesUnder(folder) {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return EXTENSIONS.some((e) => entry.name.endsWith(e)) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [`${base}.ts`, path.join(base, 'index.ts'), base.replace(/\.js$/, '.ts'), base];
  return candidates.find((c) => c.endsWith('.ts') && fs.existsSync(c));
}

/** Every (file -> names imported from it) over the roots; '*' when a module is used whole. */
function usage(roots) {
  const used = new Map();
  const use = (file, name) => {
    if (!used.has(file)) used.set(file, new Set());
    used.get(file).add(name);
  };
  for (const file of roots.flatMap(filesUnder)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
    const visit = (node) => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const target = resolve(file, node.moduleSpecifier.text);
        if (target) {
          if (ts.isImportDeclaration(node)) {
            const clause = node.importClause;
            if (!clause) use(target, '*');
            else {
              if (clause.name) use(target, 'default');
              const bindings = clause.namedBindings;
              if (bindings && ts.isNamespaceImport(bindings)) use(target, '*');
              if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) use(target, (e.propertyName ?? e.name).text);
            }
          } else if (!node.exportClause || !ts.isNamedExports(node.exportClause)) use(target, '*');
          else for (const e of node.exportClause.elements) use(target, (e.propertyName ?? e.name).text);
        }
      }
      // import('./x') and require('./x'): the whole module.
      if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
        const callee = node.expression;
        if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
          const target = resolve(file, node.arguments[0].text);
          if (target) use(target, '*');
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return used;
}

let cache;

export const noUnusedExport = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Disallow exports that no module of the project imports.' },
    schema: [{ type: 'object', properties: { roots: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: { unused: '"{{name}}" is exported but no module imports it: drop the export (or the code).' },
  },
  create(context) {
    const roots = (context.options[0]?.roots ?? ['.']).map((r) => path.resolve(context.cwd, r));
    const key = roots.join('\n');
    if (cache?.key !== key) cache = { key, used: usage(roots) };
    const names = cache.used.get(context.filename) ?? new Set();
    if (names.has('*')) return {};
    const report = (node, name) => {
      if (!names.has(name)) context.report({ node, messageId: 'unused', data: { name } });
    };
    return {
      ExportNamedDeclaration(node) {
        if (node.source || node.exportKind === 'type') return; // a re-export counts as a use of its source, checked there
        const declaration = node.declaration;
        if (declaration?.type === 'TSInterfaceDeclaration' || declaration?.type === 'TSTypeAliasDeclaration') return;
        if (declaration?.type === 'VariableDeclaration') for (const d of declaration.declarations) d.id.type === 'Identifier' && report(d.id, d.id.name);
        else if (declaration?.id) report(declaration.id, declaration.id.name);
        for (const specifier of node.specifiers) if (specifier.exportKind !== 'type') report(specifier.exported, specifier.exported.name ?? specifier.exported.value);
      },
      ExportDefaultDeclaration(node) {
        report(node, 'default');
      },
    };
  },
};
