// @ts-check
/**
 * What the benchmark says to a server as its editor: the initialize parameters, and the
 * answers to requests a server sends to its client. Both servers get exactly the same.
 */

/** Requests an editor acknowledges with an empty result. */
const ANSWERED_WITH_NULL = new Set([
  'client/registerCapability',
  'client/unregisterCapability',
  'window/workDoneProgress/create',
  'window/showMessageRequest',
  'workspace/codeLens/refresh',
  'workspace/diagnostic/refresh',
  'workspace/semanticTokens/refresh',
  'workspace/inlayHint/refresh',
]);

/**
 * The client capabilities VS Code announces for the features measured here, including
 * dynamic registration (which makes yaml-language-server send client/registerCapability)
 * and configuration pulls (which both servers use).
 * @param {string} rootUri
 */
export function initializeParams(rootUri) {
  return {
    processId: process.pid,
    clientInfo: { name: 'netpol-lens-bench', version: '1' },
    locale: 'en',
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
        formatting: { dynamicRegistration: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      },
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
    },
  };
}

/**
 * The answer to a request from the server. workspace/configuration is answered per
 * section from `settings` (null for sections the spec does not set, as VS Code does for
 * unknown sections); `known` is false for requests an editor would not expect.
 * @param {string} method
 * @param {unknown} params
 * @param {Record<string, unknown>} settings
 * @param {string} rootUri
 * @returns {{ result: unknown, known: boolean }}
 */
export function answerServerRequest(method, params, settings, rootUri) {
  if (method === 'workspace/configuration') {
    const { items } = /** @type {{ items: { section?: string }[] }} */ (params);
    return { result: items.map((item) => (item.section !== undefined && item.section in settings ? settings[item.section] : null)), known: true };
  }
  if (method === 'workspace/workspaceFolders') return { result: [{ uri: rootUri, name: 'bench' }], known: true };
  return { result: null, known: ANSWERED_WITH_NULL.has(method) };
}
