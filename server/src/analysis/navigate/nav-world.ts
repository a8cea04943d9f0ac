/**
 * What navigation answers with (locations), what it may look at (the world), and what
 * it asks of each dialect (NavigationHooks).
 */
import type { ReachNamespace, ReachWorkload } from '../../evaluate/types';
import type { Span } from '../../model/types';
import { DEFAULT_NAMESPACE } from '../../model/workloads';
import type { FileAnalysis, PolicyObject } from '../file-analysis';
import type { Universe } from './universe';

export interface NavLocation {
  readonly uri: string;
  /** The whole target (a workload object, a policy's podSelector, a peer). */
  readonly span: Span;
  /** Where the cursor lands: pod template labels, a selector key, a namespace name. */
  readonly selection: Span;
}

/** Everything navigation may look at: the workspace's workloads and its files with their policies. */
export interface NavWorld {
  readonly universe: Universe;
  readonly files: readonly { readonly uri: string; readonly analysis: FileAnalysis }[];
}

/** The pods of one workload, as the policies that may select or admit them see them. */
export interface PodsOf {
  readonly namespace: string;
  readonly labels: ReadonlyMap<string, string>;
}

/** A policy node under the cursor: the span the answer is about, and the places it leads to. */
export interface PolicyNavTarget {
  readonly span: Span;
  targets(universe: Universe): NavLocation[];
}

export interface NavigationHooks<P> {
  /** The node of one of its policies under `offset` that leads somewhere (a selector, a rule, a peer), or undefined. */
  targetAt(policies: readonly P[], text: string, offset: number): PolicyNavTarget | undefined;
  /** The places in one of its policies (in file `uri`) about these pods: its selector when it selects them, the rules and peers that admit them. */
  referencesTo(pods: PodsOf, uri: string, policy: P, universe: Universe): NavLocation[];
}

/** The namespace a policy lives in (`default` when it names none). */
export function policyNamespace(policy: PolicyObject): string {
  return policy.metadata.namespace?.value || DEFAULT_NAMESPACE;
}

/**
 * A workload's place: its object, the cursor landing on its pod template labels. Sorted
 * by file, then offset; grouped by file first, so a lens listing thousands of workloads
 * compares offsets, not uris.
 */
export function workloadLocations(workloads: readonly ReachWorkload[]): NavLocation[] {
  const byFile = new Map<string, Map<number, NavLocation>>();
  for (const w of workloads) {
    const { uri, span } = w.source;
    let inFile = byFile.get(uri);
    if (!inFile) byFile.set(uri, (inFile = new Map()));
    if (!inFile.has(span.start)) inFile.set(span.start, { uri, span, selection: w.labelsSource.span });
  }
  const uris = [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return uris.flatMap((uri) => [...byFile.get(uri)!.entries()].sort((a, b) => a[0] - b[0]).map(([, location]) => location));
}

/** The workspace index keeps the `kind: Namespace` object of a declared namespace, whose name is the place to land on. */
interface DeclaredNamespace extends ReachNamespace {
  readonly object?: { readonly name: { readonly span: Span } };
}

/** Only namespaces declared by a `kind: Namespace` object have a place to go to. */
export function namespaceLocations(namespaces: readonly DeclaredNamespace[]): NavLocation[] {
  return namespaces.flatMap((ns) => (ns.source ? [{ uri: ns.source.uri, span: ns.source.span, selection: ns.object?.name.span ?? ns.source.span }] : []));
}
