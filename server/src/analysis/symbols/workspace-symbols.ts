/**
 * Workspace symbols (Go to Symbol in Workspace): policies and workloads of every
 * file, found by a fuzzy query. Pure: callers list the entries, this ranks them.
 *
 * A query matches a name when its characters appear in it in order, ignoring
 * case; names where they appear as one run rank first, then earlier runs.
 */
import type { Span } from '../../core/parse/yaml-tree';

export type WorkspaceSymbolKind = 'policy' | 'workload';

export interface WorkspaceSymbolEntry {
  /** `namespace/name` (a cluster-wide policy: its name). */
  readonly name: string;
  readonly kind: WorkspaceSymbolKind;
  /** What it is: the policy's kind in its dialect's words (`NetworkPolicy`), or the workload's kind (`Deployment`). */
  readonly container: string;
  readonly uri: string;
  readonly span: Span;
  readonly selection: Span;
}

interface Ranked {
  readonly entry: WorkspaceSymbolEntry;
  readonly score: number;
}

export function rankSymbols(entries: Iterable<WorkspaceSymbolEntry>, query: string, limit = 250): WorkspaceSymbolEntry[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const ranked: Ranked[] = [];
  for (const entry of entries) {
    const score = matchScore(entry.name.toLowerCase(), wanted);
    if (score >= 0) ranked.push({ entry, score });
  }
  ranked.sort((a, b) => a.score - b.score || compare(a.entry.name, b.entry.name) || compare(a.entry.uri, b.entry.uri) || a.entry.span.start - b.entry.span.start);
  return ranked.slice(0, limit).map((r) => r.entry);
}

/** -1: no match. Lower is better: a substring match scores its position, a scattered match more. */
function matchScore(name: string, query: string): number {
  if (query === '') return 0;
  const at = name.indexOf(query);
  if (at >= 0) return at;
  let from = 0;
  let gaps = 0;
  for (const c of query) {
    const found = name.indexOf(c, from);
    if (found < 0) return -1;
    if (found > from) gaps++;
    from = found + 1;
  }
  return 1000 + gaps;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
