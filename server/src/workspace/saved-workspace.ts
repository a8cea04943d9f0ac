/**
 * The workspace as saved on disk, for the what-if view: the live workspace's
 * files, with each open buffer replaced by its saved text. It is kept between
 * requests, so unchanged files cost nothing and its reachability engine updates
 * incrementally, as the live one does. Pure: the caller reads the disk.
 */
import { Workspace } from './workspace';

export interface SavedSync {
  readonly workspace: Workspace;
  /** Open files whose buffer differs from the saved text, sorted. */
  readonly unsaved: readonly string[];
}

export class SavedWorkspace {
  private readonly workspace = new Workspace();
  /**
   * Files whose entry shares the live workspace's analysis. Once such a file is open
   * in the editor, the editor's next version is analysed from that very analysis,
   * whose documents then move to the buffer's offsets (parse/parse-documents.ts), so
   * the saved side reads the disk text again with an analysis of its own.
   */
  private readonly borrowed = new Set<string>();

  /** `saved`: for each open buffer of the live workspace, its text on disk (undefined: no such file on disk). */
  sync(live: Workspace, saved: ReadonlyMap<string, string | undefined>): SavedSync {
    const unsaved: string[] = [];
    for (const uri of this.workspace.uris) if (!live.getFile(uri)) this.forget(uri);
    for (const uri of live.uris) {
      const entry = live.getFile(uri)!;
      if (!saved.has(uri)) {
        // Not open: the live workspace holds the disk text already, with its analysis.
        if (this.workspace.setFile(uri, entry.text, entry.analysis)) this.borrowed.add(uri);
        continue;
      }
      // Deleted first so the engine drops every object read from the borrowed analysis.
      if (this.borrowed.has(uri)) this.forget(uri);
      const text = saved.get(uri);
      if (text === undefined) this.workspace.deleteFile(uri);
      else this.workspace.setFile(uri, text);
      if (text !== entry.text) unsaved.push(uri);
    }
    return { workspace: this.workspace, unsaved };
  }

  private forget(uri: string): void {
    this.workspace.deleteFile(uri);
    this.borrowed.delete(uri);
  }
}
