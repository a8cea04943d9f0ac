/**
 * Keeps the Workspace current: indexes every .yaml/.yml/.json file of the
 * workspace folders (honouring `files.exclude` and `netpolLens.exclude`, never
 * node_modules or .git) with work-done progress, then follows open buffers
 * (unsaved edits count), file-watcher events and setting changes.
 *
 * Indexing never holds the server for long: files are analysed in time slices
 * (slices.ts), a large file region by region, so edits and requests are served in
 * between; a newer index (settings changed) stops an older one.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { cidrOrUndefined } from '../core/net/cidr';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type CancellationToken, type Connection, type FileEvent, type InitializeParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IndexStatusNotification, type IndexStatusParams } from '../protocol';
import { excludeMatcher, filesExcludePatterns, globList, type PathMatcher } from '../workspace/glob';
import { Workspace } from '../workspace/workspace';
import type { ReachEngine } from '../evaluate/reach-engine';
import { analyzeTextSteps } from '../analysis/analyze-file';
import { DEFAULT_PROFILE, formatVersion, parseKubernetesVersion } from '../analysis/profile/cluster-profile';
import { HOST_NETWORK_MODES, PLUGINS } from '../analysis/profile/network-plugins';
import { mergeProfile, PROFILE_FILE_NAME, readProfileFile, type ProfileOverrides } from '../analysis/profile/profile-file';
import { formatInteger } from '../analysis/explain/markdown';
import { ReachRunner } from './reach-runner';
import type { Steps } from '../core/steps';
import { runInSlices } from './slices';
import type { AnalysisCache } from './analysis-cache';
import { cancelled, runInBackground, runSafeSync, type Logger } from './run-safe';

const MANIFEST = /\.(ya?ml|json)$/i;
const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
/** Progress is reported every this many files, and before every file larger than LARGE_FILE characters. */
const PROGRESS_EVERY = 25;
const LARGE_FILE = 100_000;
/** Lock files, data dumps and other big JSON are not manifests; they are not worth a parse. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const KIND_KEY = /(^|[\s{,])["']?kind["']?\s*:/m;

/** A cheap test that spares the parser files that cannot hold a Kubernetes object. */
function mayHoldObjects(text: string): boolean {
  return text.length <= MAX_FILE_BYTES && KIND_KEY.test(text);
}

export class WorkspaceIndexer {
  readonly workspace = new Workspace();
  private readonly reachRunner = new ReachRunner(this.workspace);
  private folders: string[] = [];
  private excluded: PathMatcher = () => false;
  private supports = { progress: false, configuration: false, watchers: false };
  private indexingRuns = 0;
  private statusScheduled = false;
  private firstIndex: Promise<void> = Promise.resolve();
  /** Bumped by every reindex; an index run whose generation is no longer current stops. */
  private generation = 0;
  private latestIndex: Promise<void> = Promise.resolve();
  /** Per file, the latest read from disk under way; an older one that finishes later is dropped. */
  private readonly diskReads = new Map<string, number>();
  /** Called after the workspace changed (coalesced), e.g. to refresh workspace-aware diagnostics. */
  onDidChangeWorkspace: () => void = () => undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: AnalysisCache,
    private readonly log: Logger,
  ) {}

  initialize(params: InitializeParams): void {
    const folders = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.map((f: { uri?: unknown } | null) => f?.uri) : [params.rootUri];
    this.folders = folders.map(filePath).filter((folder): folder is string => folder !== undefined);
    const caps = params.capabilities ?? {};
    this.supports = {
      progress: caps.window?.workDoneProgress === true,
      configuration: caps.workspace?.configuration === true,
      watchers: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    };
  }

  /** Called once the client sent `initialized`: registers watchers, and runs the first index once `after` resolves. */
  start(after: Promise<void> = Promise.resolve()): void {
    this.connection.onDidChangeWatchedFiles((params: { changes?: unknown } | null) => runSafeSync(this.log, 'didChangeWatchedFiles', () => this.filesChanged(fileEvents(params?.changes))));
    this.connection.onDidChangeConfiguration(() => runSafeSync(this.log, 'didChangeConfiguration', () => this.reindex()));
    if (this.supports.watchers) {
      runInBackground(this.log, 'registering file watchers', this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }] }));
    }
    // Until the first index starts, the workspace is not known yet: the status says indexing.
    this.indexingRuns++;
    this.firstIndex = after.then(() => {
      this.indexingRuns--;
      return this.reindex();
    });
  }

  private reindex(): Promise<void> {
    const run = this.indexRun(++this.generation);
    this.latestIndex = run;
    return run;
  }

  /** Resolves when the first index has finished (at once when there are no folders). */
  get ready(): Promise<void> {
    return this.firstIndex;
  }

  get indexing(): boolean {
    return this.indexingRuns > 0;
  }

  /** The reachability engine, computed in slices between other messages (reach-runner.ts); waits for the first index. */
  async reach(token?: CancellationToken): Promise<ReachEngine> {
    await this.firstIndex;
    return this.reachRunner.engine(token);
  }

  /**
   * A view of the engine built in slices too (a matrix has millions of cells). A
   * workspace change meanwhile may update the engine in place, so the view is then
   * started again on the updated engine.
   */
  async reachView<T>(token: CancellationToken | undefined, build: (engine: ReachEngine) => Steps<T>): Promise<T> {
    for (;;) {
      const engine = await this.reach(token);
      const version = this.workspace.version;
      const outcome = await runInSlices(build(engine), () => token?.isCancellationRequested === true || this.workspace.version !== version);
      if (outcome.done) return outcome.value;
      if (token?.isCancellationRequested) throw cancelled();
    }
  }

  /** An open buffer changed: its text, saved or not, is what the workspace sees. */
  documentChanged(document: TextDocument): void {
    if (!this.inScope(document.uri)) return;
    if (this.workspace.setFile(normalizeUri(document.uri), document.getText(), this.cache.get(document))) this.scheduleStatus();
  }

  /** A closed buffer falls back to what is on disk (or leaves the workspace). */
  documentClosed(uri: string): void {
    if (this.inScope(uri)) runInBackground(this.log, `reading ${uri}`, this.syncFromDisk(uri));
  }

  private async filesChanged(changes: readonly FileEvent[]): Promise<void> {
    // A changed profile changes how every file is judged: index again, which reads it first.
    if (changes.some((change) => change.uri.endsWith(`/${PROFILE_FILE_NAME}`))) await this.reindex();
    for (const change of changes) {
      if (!this.inScope(change.uri) || this.documents.get(change.uri)) continue;
      if (change.type === FileChangeType.Deleted) this.forget(change.uri);
      else await this.syncFromDisk(change.uri);
    }
  }

  /** Reads a file that changed on disk and analyses it in time slices; a newer read of the same file, or opening it, makes this one stale. */
  private async syncFromDisk(uri: string): Promise<void> {
    const ticket = (this.diskReads.get(uri) ?? 0) + 1;
    this.diskReads.set(uri, ticket);
    // Reopened meanwhile: the buffer's text wins over the disk's.
    const stale = (): boolean => this.diskReads.get(uri) !== ticket || this.documents.get(uri) !== undefined;
    try {
      const text = await fs.readFile(fileURLToPath(uri), 'utf8');
      if (stale()) return;
      if (!mayHoldObjects(text)) return this.forget(uri);
      const key = normalizeUri(uri);
      if (this.workspace.getFile(key)?.text === text) return;
      const outcome = await runInSlices(analyzeTextSteps(text, undefined, this.workspace.profile), stale);
      if (outcome.done && !stale() && this.workspace.setFile(key, text, outcome.value)) this.scheduleStatus();
    } catch {
      if (!stale()) this.forget(uri);
    } finally {
      if (this.diskReads.get(uri) === ticket) this.diskReads.delete(uri);
    }
  }

  private forget(uri: string): void {
    if (this.workspace.deleteFile(normalizeUri(uri))) this.scheduleStatus();
  }

  /** True for manifest files inside a workspace folder and not excluded (or any open file when there is no folder). */
  inScope(uri: string): boolean {
    if (!uri.startsWith('file:') || !MANIFEST.test(uri)) return false;
    // A URI Node cannot turn into a path of this machine (a host, an encoded `/`) is no file of ours.
    const file = filePath(uri);
    if (file === undefined) return false;
    if (this.folders.length === 0) return true;
    return this.folders.some((folder) => {
      const relative = path.relative(folder, file);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
      const parts = relative.split(path.sep);
      return !parts.some((p) => ALWAYS_SKIPPED.has(p)) && !this.excluded(parts.join('/'));
    });
  }

  /** One index of the folders; resolves when the index is complete, by this run or by the newer one that stopped it. */
  private async indexRun(generation: number): Promise<void> {
    const superseded = (): boolean => generation !== this.generation;
    this.indexingRuns++;
    this.scheduleStatus();
    const progress = this.supports.progress ? await this.connection.window.createWorkDoneProgress() : undefined;
    try {
      progress?.begin('Indexing Kubernetes manifests', 0, 'Looking for files', false);
      this.excluded = await this.readExcludes();
      await this.readProfile();
      if (superseded()) return;
      const files = (await Promise.all(this.folders.map((f) => listManifests(f, f, this.excluded)))).flat();
      if (superseded()) return;
      const keep = new Set(files.map((f) => normalizeUri(pathToFileURL(f).toString())));
      for (const uri of this.workspace.uris) if (!keep.has(uri)) this.workspace.deleteFile(uri);
      // The next file is read from disk while this one is analysed, so the CPU does not wait for the disk.
      let nextText = files.length > 0 ? readText(files[0]!) : undefined;
      for (let i = 0; i < files.length; i++) {
        const percent = Math.round((i * 100) / files.length);
        // A large file takes a while: the user sees which one.
        const reading = (lines: number): void => progress?.report(percent, `${path.basename(files[i]!)} (${formatInteger(lines)} lines)`);
        const text = nextText!;
        nextText = i + 1 < files.length ? readText(files[i + 1]!) : undefined;
        if (!(await this.indexFile(files[i]!, text, superseded, reading))) return;
        if ((i + 1) % PROGRESS_EVERY === 0) progress?.report(Math.round(((i + 1) * 100) / files.length), `${i + 1} of ${files.length} files`);
      }
      for (const document of this.documents.all()) this.documentChanged(document);
      this.log(`Indexed ${files.length} manifest files in ${this.folders.length} workspace folder(s).`);
    } catch (error) {
      this.log(`[error] indexing failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      progress?.done();
      this.indexingRuns--;
      this.scheduleStatus();
    }
    if (superseded()) await this.latestIndex;
  }

  /**
   * Reads and analyses one file in time slices; false when the index run was
   * superseded meanwhile. Reading the file already hands the event loop back
   * between files; the slices do it within a large one.
   */
  private async indexFile(file: string, read: Promise<string | undefined>, superseded: () => boolean, reading: (lines: number) => void): Promise<boolean> {
    const uri = pathToFileURL(file).toString();
    const open = this.documents.get(uri);
    if (open) {
      this.documentChanged(open);
      return !superseded();
    }
    const key = normalizeUri(uri);
    try {
      const text = await read;
      if (text === undefined || !mayHoldObjects(text)) this.workspace.deleteFile(key);
      else if (this.workspace.getFile(key)?.text !== text) {
        if (text.length > LARGE_FILE) reading(lineCount(text));
        // Opened meanwhile: the buffer is what counts, and documentChanged has set it.
        const outcome = await runInSlices(analyzeTextSteps(text, undefined, this.workspace.profile), () => superseded() || this.documents.get(uri) !== undefined);
        if (outcome.done && !this.documents.get(uri)) this.workspace.setFile(key, text, outcome.value);
      }
    } catch {
      this.workspace.deleteFile(key);
    }
    return !superseded();
  }

  /**
   * The cluster profile: the `netpolLens.kubernetesVersion` setting, then the profile file
   * at the root of the first folder that has one (the workspace's own word wins). When it
   * changes, every analysis is redone for the new cluster.
   */
  private async readProfile(): Promise<void> {
    const setting = this.supports.configuration ? ((await this.connection.workspace.getConfiguration({ section: 'netpolLens' })) as unknown) : undefined;
    const version = setting && typeof setting === 'object' ? (setting as { kubernetesVersion?: unknown }).kubernetesVersion : undefined;
    const parsed = typeof version === 'string' ? parseKubernetesVersion(version) : undefined;
    const layers: ProfileOverrides[] = [parsed ? { kubernetesVersion: parsed, versionGiven: true } : {}, profileSettings(setting)];
    for (const folder of this.folders) {
      const text = await fs.readFile(path.join(folder, PROFILE_FILE_NAME), 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      layers.push(readProfileFile(text).overrides);
      break;
    }
    const profile = mergeProfile(DEFAULT_PROFILE, ...layers);
    if (this.workspace.setProfile(profile)) {
      this.cache.setProfile(profile);
      this.log(`Judging manifests for Kubernetes ${formatVersion(profile.kubernetesVersion)}${profile.versionGiven ? '' : ' (the newest release; set netpolLens.kubernetesVersion or a profile file)'}.`);
    }
  }

  private async readExcludes(): Promise<PathMatcher> {
    if (!this.supports.configuration) return () => false;
    const [files, lens] = (await this.connection.workspace.getConfiguration([{ section: 'files' }, { section: 'netpolLens' }])) as unknown[];
    const filesExclude = files && typeof files === 'object' ? (files as { exclude?: unknown }).exclude : undefined;
    const lensExclude = lens && typeof lens === 'object' ? (lens as { exclude?: unknown }).exclude : undefined;
    return excludeMatcher([...filesExcludePatterns(filesExclude), ...globList(lensExclude)]);
  }

  /** Tells the client (and a panel) that answers changed; coalesced per macrotask. */
  private scheduleStatus(): void {
    if (this.statusScheduled) return;
    this.statusScheduled = true;
    setImmediate(() => {
      this.statusScheduled = false;
      const params: IndexStatusParams = { state: this.indexing ? 'indexing' : 'ready', files: this.workspace.size, policies: this.workspace.policyCount, version: this.workspace.version };
      runInBackground(this.log, 'sending the index status', this.connection.sendNotification(IndexStatusNotification.method, params));
      runSafeSync(this.log, 'refreshing after a workspace change', () => this.onDidChangeWorkspace());
    });
  }
}

/** A file's text, or undefined when it cannot be read (gone, a folder, no permission). */
function readText(file: string): Promise<string | undefined> {
  return fs.readFile(file, 'utf8').catch(() => undefined);
}

/** Folder walk in name order; skipped folders are never entered. */
async function listManifests(root: string, folder: string, excluded: PathMatcher): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    const relative = path.relative(root, full).split(path.sep).join('/');
    if (ALWAYS_SKIPPED.has(entry.name) || excluded(relative)) continue;
    if (entry.isDirectory()) found.push(...(await listManifests(root, full, excluded)));
    else if (entry.isFile() && MANIFEST.test(entry.name)) found.push(full);
  }
  return found;
}

function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** The local path of a `file:` URI, or undefined for any other URI and for one Node cannot convert. */
function filePath(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The well-formed events of a watched-files notification; the rest of what a client sent is dropped. */
function fileEvents(changes: unknown): FileEvent[] {
  if (!Array.isArray(changes)) return [];
  return changes.filter((change): change is FileEvent => typeof change === 'object' && change !== null && typeof (change as FileEvent).uri === 'string' && typeof (change as FileEvent).type === 'number');
}

/** One spelling per file: editors and Node percent-encode file URIs slightly differently. */
export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).toString();
  } catch {
    return uri;
  }
}

/**
 * The profile's settings (`netpolLens.plugin`, `podCidrs`, `ipBlocksMatchPods`, `hostNetwork`,
 * `nodeCidrs`, `serviceCidrs`), read defensively: a wrong value is ignored.
 */
function profileSettings(setting: unknown): ProfileOverrides {
  if (!setting || typeof setting !== 'object') return {};
  const read = setting as Record<string, unknown>;
  const overrides: ProfileOverrides = {};
  for (const key of ['podCidrs', 'nodeCidrs', 'serviceCidrs'] as const) {
    const value = read[key];
    const cidrs = Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string' && cidrOrUndefined(c) !== undefined) : [];
    if (cidrs.length > 0) overrides[key] = cidrs;
  }
  if (typeof read['ipBlocksMatchPods'] === 'boolean') overrides.ipBlocksMatchPods = read['ipBlocksMatchPods'];
  const plugin = PLUGINS.find((p) => p === read['plugin']);
  if (plugin) overrides.plugin = plugin;
  const hostNetwork = HOST_NETWORK_MODES.find((m) => m === read['hostNetwork']);
  if (hostNetwork) overrides.hostNetwork = hostNetwork;
  return overrides;
}
