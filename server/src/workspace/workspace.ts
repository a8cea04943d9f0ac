/**
 * A workspace: file uri -> text and analysis, plus the index and reachability
 * built from them. Pure: the language server and the CLI feed it text; it never
 * touches the disk or the protocol.
 *
 *   const ws = new Workspace();
 *   ws.setFile(uri, text);          // open buffer edits and disk files alike
 *   ws.deleteFile(uri);
 *   ws.index;                       // WorkspaceIndex, rebuilt lazily after changes
 *   ws.reach();                     // ReachEngine, updated incrementally when only policies changed
 *   ws.reachSteps();                // the same, as steps to run in time slices (parse/steps.ts)
 */
import { analyzeText, type FileAnalysis } from '../analysis/analyze-file';
import { allPolicies } from '../analysis/file-analysis';
import { DEFAULT_PROFILE, sameProfile, type ClusterProfile } from '../analysis/profile/cluster-profile';
import { ReachEngine } from '../evaluate/reach-engine';
import { runToEnd, type Steps } from '../core/steps';
import { EMPTY_SHAPE, readFileEntry, type FileEntry } from './file-entry';
import { WorkspaceIndex } from './workspace-index';
import { sameItems } from './workloads-by-namespace';
import { lowerFile } from '../dialects/lower-file';

export class Workspace {
  private readonly files = new Map<string, FileEntry>();

  /** `profile`: the cluster the files are judged for (which release rejects what). */
  constructor(private currentProfile: ClusterProfile = DEFAULT_PROFILE) {}

  get profile(): ClusterProfile {
    return this.currentProfile;
  }

  /**
   * Judges every file for another cluster (a setting or the profile file changed): each is
   * analysed again, since which policies the API server rejects may differ. Returns false,
   * doing nothing, when the profile says the same.
   */
  setProfile(profile: ClusterProfile): boolean {
    if (sameProfile(profile, this.currentProfile)) return false;
    this.currentProfile = profile;
    for (const [uri, old] of [...this.files]) {
      const entry = readFileEntry(uri, old.text, analyzeText(old.text, undefined, profile));
      this.files.set(uri, entry);
      this.noteChange(uri, old, entry);
    }
    return true;
  }

  private indexCache: WorkspaceIndex | undefined;
  private engine: ReachEngine | undefined;
  /** Files whose policies changed while everything else in them stayed the same. */
  private readonly policyOnly = new Set<string>();
  private shapeChanged = true;
  private changes = 0;
  private lastUpdate: 'full' | 'incremental' | 'cached' = 'cached';
  /** The stepwise update in progress, if any; a new one stops it. */
  private updating: Steps<ReachEngine> | undefined;

  /** Bumped on every change: a cheap way for callers to know their cached answers are stale. */
  get version(): number {
    return this.changes;
  }

  get uris(): string[] {
    return [...this.files.keys()].sort();
  }

  get size(): number {
    return this.files.size;
  }

  /** Policy objects of every dialect across the files. */
  get policyCount(): number {
    let count = 0;
    for (const entry of this.files.values()) count += allPolicies(entry.analysis).length;
    return count;
  }

  getFile(uri: string): FileEntry | undefined {
    return this.files.get(uri);
  }

  /** Adds or replaces a file. Returns false when the text is what the workspace already had. */
  setFile(uri: string, text: string, analysis?: FileAnalysis): boolean {
    const old = this.files.get(uri);
    if (old && old.text === text) return false;
    const entry = readFileEntry(uri, text, analysis ?? analyzeText(text, undefined, this.profile));
    this.files.set(uri, entry);
    this.noteChange(uri, old, entry);
    return true;
  }

  deleteFile(uri: string): boolean {
    const old = this.files.get(uri);
    if (!old) return false;
    this.files.delete(uri);
    this.noteChange(uri, old, undefined);
    return true;
  }

  get index(): WorkspaceIndex {
    return this.indexCache ?? runToEnd(this.indexSteps());
  }

  /** The last index built, and whether a change since touched more than policies (and services). */
  private lastIndex: WorkspaceIndex | undefined;
  private indexShapeChanged = true;

  /** The index as steps: the reachability path builds it in slices when no one has yet. */
  private *indexSteps(): Steps<WorkspaceIndex> {
    if (this.indexCache) return this.indexCache;
    const version = this.changes;
    // After edits to policies alone, the namespaces, workloads and tiers are the last index's.
    const previous = this.indexShapeChanged ? undefined : this.lastIndex;
    const index = yield* WorkspaceIndex.build([...this.files.values()], previous);
    // Files changed meanwhile: the index is of the files as they were, which is what this update computes.
    if (this.changes === version) {
      this.indexCache = index;
      this.lastIndex = index;
      this.indexShapeChanged = false;
    }
    return index;
  }

  /** How the last reach() got its answer: built anew, updated in place, or reused as it was. */
  get lastReachUpdate(): 'full' | 'incremental' | 'cached' {
    return this.lastUpdate;
  }

  /** The reachability engine for the current files. */
  reach(): ReachEngine {
    return runToEnd(this.reachSteps());
  }

  /** True when reach() has nothing to compute. */
  get reachIsCurrent(): boolean {
    return this.engine !== undefined && !this.shapeChanged && this.policyOnly.size === 0 && this.updating === undefined;
  }

  /**
   * reach() as steps. Files may change between steps: the result is the engine for
   * the files as they were when the steps started, and what changed since is left
   * for the next update. An update left unfinished (a newer one started, or the
   * caller called return() on the steps) drops the engine: the next update builds
   * it anew, since one changed halfway in place cannot be trusted.
   */
  reachSteps(): Steps<ReachEngine> {
    this.updating?.return(undefined as never);
    const steps = this.update();
    this.updating = steps;
    return steps;
  }

  private *update(): Steps<ReachEngine> {
    let finished = false;
    try {
      if (!this.engine || this.shapeChanged) {
        // Cleared before the first yield: a change made while the index is built marks the next update.
        this.shapeChanged = false;
        this.policyOnly.clear();
        const input = (yield* this.indexSteps()).reachInput(this.profile);
        this.engine = yield* ReachEngine.build(input);
        this.lastUpdate = 'full';
      } else if (this.policyOnly.size > 0) {
        const engine = this.engine;
        const uris = [...this.policyOnly].sort();
        this.policyOnly.clear();
        const modes: string[] = [];
        for (const uri of uris) {
          const analysis = this.files.get(uri)?.analysis;
          modes.push(yield* engine.replaceFilePoliciesSteps(uri, analysis ? lowerFile(uri, analysis) : []));
        }
        this.lastUpdate = modes.includes('full') ? 'full' : 'incremental';
      } else this.lastUpdate = 'cached';
      finished = true;
      return this.engine;
    } finally {
      this.updating = undefined;
      if (!finished) {
        // Half an update: an engine changed in place is no longer trustworthy, and an
        // unfinished build leaves the old one out of date; the next update builds anew.
        this.engine = undefined;
        this.shapeChanged = true;
      }
    }
  }

  private noteChange(uri: string, old: FileEntry | undefined, entry: FileEntry | undefined): void {
    this.changes++;
    this.indexCache = undefined;
    // The index may reuse its namespaces, workloads and tiers only when they are the very same objects.
    if (!old || !entry || !sameItems(old.namespaces, entry.namespaces) || !sameItems(old.workloads, entry.workloads) || !sameItems(old.tiers, entry.tiers)) this.indexShapeChanged = true;
    if ((old?.shapeKey ?? EMPTY_SHAPE) === (entry?.shapeKey ?? EMPTY_SHAPE)) this.policyOnly.add(uri);
    else this.shapeChanged = true;
  }
}
