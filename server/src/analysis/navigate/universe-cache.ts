/**
 * Keeps one Universe per workspace and rebuilds it only when what it is built
 * from changed. Typing in a policy changes no workload, so completion after a
 * keystroke reuses the label statistics instead of rebuilding the index and
 * walking every workload.
 *
 * Two views, two tests of "changed":
 * - `universeOf` (navigation, code lenses) compares each file's `shapeKey`, which
 *   includes where workloads are written, since its answers are locations;
 * - `labelUniverseOf` (completion) compares only labels, ports and names, so an
 *   edit that merely moves workloads down the file keeps the statistics.
 *
 * Both build from the workspace index, one Universe per index object, so the first
 * of them to need a build does it for the other too; and a file is fingerprinted only
 * when it changed, so the first build walks the workloads once, not twice.
 *
 * The workspace is read through a small structural interface (the Workspace of
 * server/src/workspace satisfies it), so this stays below the workspace layer.
 */
import type { ReachNamespace, ReachWorkload } from '../../evaluate/types';
import { buildUniverse, type Universe } from './universe';

interface LabelledEntry {
  readonly key: { readonly value: string };
  readonly value: { readonly value: string };
}

/** What a file holds, as far as the universe is concerned. */
export interface SourceFile {
  /** Equal for two versions of a file that differ only in their policies. */
  readonly shapeKey: string;
  readonly namespaces: readonly { readonly name: { readonly value: string }; readonly labels: readonly LabelledEntry[] }[];
  readonly workloads: readonly {
    readonly kind: string;
    readonly name: { readonly value: string };
    readonly namespace: string;
    readonly owner?: { readonly kind: string; readonly name: string };
    readonly podLabels: readonly LabelledEntry[];
    readonly containerPorts: readonly { readonly name?: string; readonly port: number; readonly protocol: string }[];
  }[];
  /** Services and policies name namespaces too, and the index counts those namespaces as existing. */
  readonly services: readonly { readonly namespace: string }[];
  /** Each dialect's policies (FileAnalysis.readings). */
  readonly analysis: { readonly readings: ReadonlyMap<string, readonly Namespaced[]> };
}

interface Namespaced {
  readonly metadata: { readonly namespace?: { readonly value: string } };
}

export interface UniverseSource {
  /** Bumped on every change. */
  readonly version: number;
  readonly uris: readonly string[];
  getFile(uri: string): SourceFile | undefined;
  readonly index: { readonly namespaces: ReadonlyMap<string, ReachNamespace>; readonly workloads: readonly ReachWorkload[] };
}

type Fingerprint = (file: SourceFile) => string;

class UniverseCache {
  private universe: Universe | undefined;
  private version = -1;
  private files = new Map<string, SourceFile>();
  private readonly prints = new WeakMap<SourceFile, string>();

  constructor(private readonly fingerprint: Fingerprint) {}

  get(source: UniverseSource): Universe {
    if (this.universe && source.version === this.version) return this.universe;
    const next = new Map<string, SourceFile>();
    let same = this.universe !== undefined && source.uris.length === this.files.size;
    for (const uri of source.uris) {
      const file = source.getFile(uri);
      if (!file) continue;
      // An unchanged file is the very same entry. Only a changed one is fingerprinted, with its
      // last version, and only while the answer may still be the kept universe: the first
      // build fingerprints nothing.
      if (same) {
        const known = this.files.get(uri);
        if (known !== file && (!known || this.print(known) !== this.print(file))) same = false;
      }
      next.set(uri, file);
    }
    if (!same || !this.universe) this.universe = sharedUniverse(source.index);
    this.files = next;
    this.version = source.version;
    return this.universe;
  }

  private print(file: SourceFile): string {
    let print = this.prints.get(file);
    if (print === undefined) this.prints.set(file, (print = this.fingerprint(file)));
    return print;
  }
}

/** One Universe per index object: navigation and completion, each rebuilding for its own reasons, share the build of the same index. */
const byIndex = new WeakMap<UniverseSource['index'], Universe>();

function sharedUniverse(index: UniverseSource['index']): Universe {
  let universe = byIndex.get(index);
  if (!universe) byIndex.set(index, (universe = buildUniverse(index)));
  return universe;
}

/** Labels, ports and names of a file's namespaces and workloads; not where they are written. */
function labelFingerprint(file: SourceFile): string {
  const labels = (entries: readonly LabelledEntry[]): string[] => entries.map((e) => `${e.key.value}=${e.value.value}`);
  return JSON.stringify([
    file.namespaces.map((ns) => [ns.name.value, labels(ns.labels)]),
    file.workloads.map((w) => [w.kind, w.name.value, w.namespace, w.owner?.kind, w.owner?.name, labels(w.podLabels), w.containerPorts.map((p) => [p.name, p.port, p.protocol])]),
    mentionedNamespaces(file),
  ]);
}

/** Namespaces a file's Services and policies name: typing a policy's namespace can add one. */
function mentionedNamespaces(file: SourceFile): string[] {
  const names = [...file.services.map((s) => s.namespace), ...[...file.analysis.readings.values()].flat().map((p) => p.metadata.namespace?.value ?? '')];
  return [...new Set(names)].sort();
}

const located = new WeakMap<object, UniverseCache>();
const labelled = new WeakMap<object, UniverseCache>();

function cached(caches: WeakMap<object, UniverseCache>, source: UniverseSource, fingerprint: Fingerprint): Universe {
  let cache = caches.get(source);
  if (!cache) caches.set(source, (cache = new UniverseCache(fingerprint)));
  return cache.get(source);
}

/** The Universe of a workspace with current source locations, for navigation and code lenses. */
export function universeOf(source: UniverseSource): Universe {
  return cached(located, source, (file) => `${file.shapeKey}\n${mentionedNamespaces(file).join(',')}`);
}

/**
 * The Universe for label statistics (completion, recipes): rebuilt only when a
 * label, port or name changed, so its source locations may be out of date.
 */
export function labelUniverseOf(source: UniverseSource): Universe {
  return cached(labelled, source, labelFingerprint);
}
