/**
 * Parameters no editor would send, for tests that the server survives them: wrong
 * types at every level, URIs that Node cannot turn into paths (a host, `%2F`),
 * ranges out of bounds and text that is not a string.
 */

/** The client-to-server notifications the server listens to (`exit` aside, which ends it on purpose). */
export const NOTIFICATIONS = [
  'initialized',
  'textDocument/didOpen',
  'textDocument/didChange',
  'textDocument/didClose',
  'textDocument/didSave',
  'textDocument/willSave',
  'workspace/didChangeWatchedFiles',
  'workspace/didChangeConfiguration',
  'workspace/didChangeWorkspaceFolders',
  '$/cancelRequest',
  '$/setTrace',
  '$/progress',
  'window/workDoneProgress/cancel',
];

/** The requests the server answers, custom ones included (`shutdown` aside). */
export const REQUESTS = [
  'textDocument/hover',
  'textDocument/codeAction',
  'codeAction/resolve',
  'textDocument/completion',
  'textDocument/documentSymbol',
  'workspace/symbol',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/codeLens',
  'codeLens/resolve',
  'textDocument/willSaveWaitUntil',
  'netpolLens/reachabilityMatrix',
  'netpolLens/explainConnection',
  'netpolLens/portMatrix',
  'netpolLens/whatIf',
  'netpolLens/policyFocus',
  'netpolLens/exportReach',
  'netpolLens/recipes',
];

const HOSTILE_URIS = ['file://otherhost/x.yaml', 'file:///tmp/a%2Fb.yaml', 'file:///%', 'not a uri', '', 'untitled:garbage.yaml'];

const BAD_RANGE = { start: { line: -1, character: 'x' }, end: { line: 1e12, character: Number.MAX_SAFE_INTEGER } };

export const GARBAGE_PARAMS: unknown[] = [
  null,
  'x',
  42,
  [],
  {},
  { textDocument: null },
  { textDocument: 'x' },
  ...HOSTILE_URIS.map((uri) => ({ textDocument: { uri, languageId: 7, version: 'one', text: 5 }, position: { line: 'a' }, range: BAD_RANGE, context: null })),
  ...HOSTILE_URIS.map((uri) => ({ textDocument: { uri, version: 2 }, contentChanges: [{ range: BAD_RANGE, text: 5 }, null] })),
  ...HOSTILE_URIS.map((uri) => ({ textDocument: { uri, languageId: 'yaml', version: 1, text: 'kind: NetworkPolicy\nspec: [' } })),
  { textDocument: { uri: 'untitled:garbage.yaml', version: 3 }, contentChanges: 'x' },
  { textDocument: { uri: 'untitled:garbage.yaml', version: null }, contentChanges: [{ text: 'a' }] },
  { changes: 'x' },
  { changes: [{ uri: 'file://otherhost/x.yaml', type: 1 }, { uri: 'file:///tmp/a%2Fb.yaml', type: 2 }] },
  { settings: { netpolLens: { exclude: 5 } } },
  { event: { added: 'x', removed: [{ uri: 'file://otherhost/' }] } },
  { id: { nested: true } },
  { token: null, value: { kind: 'report' } },
  { value: 'verbose' },
  { query: { not: 'a string' } },
  { from: 5, to: null, uri: 'file://otherhost/x.yaml', policy: [], edits: 'x' },
];
