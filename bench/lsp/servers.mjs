// @ts-check
/**
 * The two servers under test, described the same way so one driver runs both.
 *
 * yaml-language-server gets a local JSON schema (network-policy.schema.json) mapped to
 * the benchmark's file names through `yaml.schemas`, and every network fetch turned off:
 * no schema store, no CRD store, no `kubernetes` schema URL. A real user's setup usually
 * maps the much larger built-in Kubernetes schema, which makes it slower, so this
 * comparison leans in its favour.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {object} ServerSpec
 * @property {string} id short name used in tables and JSON
 * @property {string} label name and version for people
 * @property {string[]} args arguments for `node` (the server script first)
 * @property {string} cwd
 * @property {number} validationDelayMs the fixed delay the server waits after a change before it validates
 * @property {{ what: string, test: (session: import('./lsp-session.mjs').LspSession) => boolean }} ready when the server has finished starting up (indexing, pulling settings), so opening a file is not slowed by that work
 * @property {Record<string, unknown>} settings answers to workspace/configuration, by section
 */

/**
 * The workspace folder both servers are given, relative to the project root. It holds
 * only the manifests of the current measurement: netpol-lens indexes every manifest of
 * its workspace folders at startup, and the project root would hand it test fixtures,
 * build output and a VS Code installation instead of the file under test.
 */
export const WORKSPACE_DIR = '.bench/workspace';

/**
 * The schema is mapped to the benchmark's manifests by this glob. It names the folder
 * because yaml-language-server matches with picomatch, whose `**` skips dot folders.
 */
export const MANIFEST_GLOB = `${WORKSPACE_DIR}/manifest-*.yaml`;

export const SERVER_IDS = ['netpol-lens', 'yaml-language-server'];

/**
 * The specs of the servers asked for, in that order. A server that is not built or not
 * installed fails here, with a message that says what to do.
 * @param {string} root the project root
 * @param {readonly string[]} ids
 * @returns {ServerSpec[]}
 */
export function serverSpecs(root, ids = SERVER_IDS) {
  return ids.map((id) => {
    if (id === 'netpol-lens') return ourServer(root);
    if (id === 'yaml-language-server') return yamlLanguageServer(root);
    throw new Error(`Unknown server "${id}"; the benchmark knows ${SERVER_IDS.join(' and ')}.`);
  });
}

/**
 * @param {string} root
 * @returns {ServerSpec}
 */
function ourServer(root) {
  const main = path.join(root, 'dist', 'server', 'server.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first.`);
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return {
    id: 'netpol-lens',
    label: `netpol-lens ${version}`,
    // With the Node flags the extension starts it with (dist/server/node-flags.json).
    args: [...JSON.parse(fs.readFileSync(path.join(root, 'dist', 'server', 'node-flags.json'), 'utf8')), main, '--stdio'],
    cwd: root,
    // Changes are coalesced per macrotask (setImmediate), not delayed by a timer.
    validationDelayMs: 0,
    // It indexes the workspace folder after `initialized` and says when it is done.
    ready: {
      what: "a netpolLens/indexStatus notification with state 'ready'",
      test: (session) => /** @type {{ state?: string } | undefined} */ (session.lastNotification.get('netpolLens/indexStatus'))?.state === 'ready',
    },
    settings: {},
  };
}

/**
 * @param {string} root
 * @returns {ServerSpec}
 */
function yamlLanguageServer(root) {
  const home = path.join(root, 'node_modules', 'yaml-language-server');
  const bin = path.join(home, 'bin', 'yaml-language-server');
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: yaml-language-server is a devDependency; install the dependencies.`);
  const { version } = JSON.parse(fs.readFileSync(path.join(home, 'package.json'), 'utf8'));
  const schemaUri = pathToFileURL(path.join(root, 'bench', 'lsp', 'network-policy.schema.json')).toString();
  return {
    id: 'yaml-language-server',
    label: `yaml-language-server ${version}`,
    args: [bin, '--stdio'],
    cwd: root,
    // yamlSettings.validationDelayMs in its source: every change starts a 200 ms timer,
    // and validation runs when it fires. No setting changes it.
    validationDelayMs: 200,
    // It pulls its settings after `initialized`; a file opened before that is validated twice.
    ready: { what: 'a workspace/configuration request', test: (session) => session.configurationPulls > 0 },
    settings: {
      yaml: {
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        schemas: { [schemaUri]: [MANIFEST_GLOB] },
        schemaStore: { enable: false, url: '' },
        kubernetesCRDStore: { enable: false },
        disableSchemaDetection: [],
        maxItemsComputed: 5000,
      },
      http: { proxy: '', proxyStrictSSL: false },
      '[yaml]': {},
      editor: { detectIndentation: true },
      'yaml.format': { enable: false },
    },
  };
}
