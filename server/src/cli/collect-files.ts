/**
 * Reads CLI path arguments into manifests: folders recursively, in a stable order.
 *
 * Whatever cannot be read becomes one line of `problems` and is skipped, never an
 * exception: missing paths, permission errors, broken links, and FIFOs, sockets and
 * devices (which are never opened, since reading a FIFO blocks until a writer comes).
 * Symbolic links are followed; every file and folder is visited once by its real
 * path, so a link back up the tree ends instead of looping, and a manifest reached
 * through a link and directly is read once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface Manifest {
  /** The path as the user wrote it, or as found under a folder they named. */
  readonly path: string;
  readonly text: string;
}

export interface CollectResult {
  readonly manifests: Manifest[];
  /** `PATH: reason`, one per path that could not be read. */
  readonly problems: string[];
}

export function readManifests(paths: readonly string[]): CollectResult {
  const visit = new Visit();
  for (const given of paths) visit.path(given, true);
  return { manifests: visit.manifests, problems: visit.problems };
}

class Visit {
  readonly manifests: Manifest[] = [];
  readonly problems: string[] = [];
  private readonly seen = new Set<string>();

  /** `named`: the user gave this path, so a file is read whatever its extension. */
  path(given: string, named: boolean): void {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (error) {
      const link = !named && isSymlink(given);
      this.problems.push(`${given}: ${link ? 'broken symbolic link' : reason(error)}`);
      return;
    }
    if (stat.isDirectory()) this.folder(given);
    else if (stat.isFile()) {
      if (named || MANIFEST_EXTENSIONS.has(path.extname(given).toLowerCase())) this.file(given);
    } else if (named || MANIFEST_EXTENSIONS.has(path.extname(given).toLowerCase())) {
      this.problems.push(`${given}: ${special(stat)}, not a file: skipped`);
    }
  }

  private folder(folder: string): void {
    if (!this.firstVisit(folder)) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      this.problems.push(`${folder}: ${reason(error)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.isDirectory() && SKIPPED_FOLDERS.has(entry.name)) continue;
      this.path(path.join(folder, entry.name), false);
    }
  }

  private file(file: string): void {
    if (!this.firstVisit(file)) return;
    try {
      this.manifests.push({ path: file, text: fs.readFileSync(file, 'utf8') });
    } catch (error) {
      this.problems.push(`${file}: ${reason(error)}`);
    }
  }

  private firstVisit(p: string): boolean {
    let real: string;
    try {
      real = fs.realpathSync(p);
    } catch {
      real = path.resolve(p);
    }
    if (this.seen.has(real)) return false;
    this.seen.add(real);
    return true;
  }
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function special(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    case 'ELOOP':
      return 'cannot be read (too many levels of symbolic links)';
    case 'EISDIR':
      return 'is a folder';
    default:
      return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
