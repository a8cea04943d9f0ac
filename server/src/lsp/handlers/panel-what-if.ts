/**
 * netpolLens/whatIf: flows the open buffers add or remove compared with the saved
 * files. The saved side is a second workspace kept across requests (see
 * workspace/saved-workspace.ts); only open buffers are read from disk again.
 */
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WhatIfParams, WhatIfResult } from '../../protocol';
import { diffReach } from '../../workspace/reach-diff';
import { SavedWorkspace } from '../../workspace/saved-workspace';
import { normalizeUri, type WorkspaceIndexer } from '../workspace-index';

export class WhatIf {
  private readonly saved = new SavedWorkspace();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly indexer: WorkspaceIndexer,
  ) {}

  async compute(params: WhatIfParams): Promise<WhatIfResult> {
    await this.indexer.ready;
    const texts = await this.savedTexts();
    const live = this.indexer.workspace;
    const { workspace, unsaved } = this.saved.sync(live, texts);
    return { version: live.version, unsavedFiles: unsaved, changes: diffReach(workspace.reach(), live.reach(), params?.ports) };
  }

  /** The saved text of every open buffer the workspace holds (undefined when the file is not on disk). */
  private async savedTexts(): Promise<Map<string, string | undefined>> {
    const texts = new Map<string, string | undefined>();
    for (const document of this.documents.all()) {
      const uri = normalizeUri(document.uri);
      if (!this.indexer.inScope(document.uri) || !this.indexer.workspace.getFile(uri)) continue;
      try {
        texts.set(uri, await fs.readFile(fileURLToPath(uri), 'utf8'));
      } catch {
        texts.set(uri, undefined);
      }
    }
    return texts;
  }
}
