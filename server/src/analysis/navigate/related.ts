/**
 * Go to Definition and Find References, pure: from a selector, peer, rule or
 * policy to the workloads (or namespaces) it matches; from a workload to the
 * policies that select it and the rules and peers that admit it. Each dialect
 * answers for its own policies (its NavigationHooks).
 *
 *   const related = relatedAt(analysis, offset, world);
 *   related?.origin    // the span under the cursor that the answer is about
 *   related?.targets   // where to go: { uri, span, selection }
 */
import type { Span } from '../../model/types';
import { labelSetFromEntries } from '../../model/selectors';
import { DIALECTS } from '../../dialects/registry';
import type { FileAnalysis } from '../file-analysis';
import type { NavLocation, NavWorld, PodsOf } from './nav-world';
import { workloadAt } from './workload-at';

export type { NavLocation, NavWorld } from './nav-world';

interface Related {
  readonly origin: Span;
  readonly targets: readonly NavLocation[];
}

export function relatedAt(analysis: FileAnalysis, offset: number, world: NavWorld): Related | undefined {
  for (const dialect of DIALECTS) {
    const target = dialect.navigate.targetAt(dialect.readingOf(analysis), analysis.parsed.text, offset);
    if (target) return { origin: target.span, targets: sortLocations(target.targets(world.universe)) };
  }
  // A workload, when the cursor is on its kind, name or pod labels: the policies about its pods.
  const hit = workloadAt(analysis, offset);
  if (!hit) return undefined;
  const pods: PodsOf = { namespace: hit.workload.namespace, labels: labelSetFromEntries(hit.workload.podLabels).labels };
  const targets = DIALECTS.flatMap((dialect) => world.files.flatMap(({ uri, analysis: file }) => dialect.readingOf(file).flatMap((policy) => dialect.navigate.referencesTo(pods, uri, policy, world.universe))));
  return { origin: hit.span, targets: sortLocations(targets) };
}

function sortLocations(locations: NavLocation[]): NavLocation[] {
  return locations.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start));
}
