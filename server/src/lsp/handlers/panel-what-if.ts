/**
 * netpolLens/whatIf: flows the open buffers add or remove compared with the saved
 * files. The saved side is a second workspace kept across requests (see
 * workspace/saved-workspace.ts); only open buffers are read from disk again.
 */
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WhatIfParams, WhatIfResult } from '../../protocol';
import { diffReach } from '../../workspace/reach-diff';
import { SavedWorkspace } from '../../workspace/saved-workspace';
import { ReachRunner } from '../reach-runner';
import { normalizeUri, type WorkspaceIndexer } from '../index-runner';

export class WhatIf {
  private readonly saved = new SavedWorkspace();
  private savedReach: ReachRunner | undefined;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly indexer: WorkspaceIndexer,
  ) {}

  async compute(params: WhatIfParams, token?: CancellationToken): Promise<WhatIfResult> {
    await this.indexer.ready;
    const texts = await this.savedTexts();
    const live = this.indexer.workspace;
    for (;;) {
      // Synced on every round: the live files may change while the engines are computed.
      const { workspace, unsaved } = this.saved.sync(live, texts);
      this.savedReach ??= new ReachRunner(workspace);
      const saved = await this.savedReach.engine(token);
      const current = await this.indexer.reach(token);
      // Both engines are compared in one go: neither may be halfway through an update made while the other was awaited.
      if (workspace.reachIsCurrent && live.reachIsCurrent) return { version: live.version, unsavedFiles: unsaved, changes: diffReach(saved, current, params?.ports) };
    }
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
