/**
 * Go to Definition and Find References, pure: from a selector, peer, rule or
 * policy to the workloads (or namespaces) it matches; from a workload to the
 * policies that select it and the rules and peers that admit it.
 *
 *   const related = relatedAt(analysis, uri, offset, world);
 *   related?.origin    // the span under the cursor that the answer is about
 *   related?.targets   // where to go: { uri, span, selection }
 */
import type { Span } from '../../model/types';
import type { ReachNamespace, ReachWorkload } from '../../evaluate/types';
import type { FileAnalysis } from '../analyze-file';
import { navTargetAt, type NavTarget } from './nav-target';
import { calicoNamespacesPicked, calicoWorkloads, namespacesPicked, peerClasses, selectedClasses } from './peer-match';
import { policiesAdmitting } from './workload-policies';
import type { NavLocation, NavWorld } from './nav-world';
import type { Universe } from './universe';

export type { NavLocation, NavWorld } from './nav-world';


export interface Related {
  readonly origin: Span;
  readonly target: NavTarget;
  readonly targets: readonly NavLocation[];
}

export function relatedAt(analysis: FileAnalysis, offset: number, world: NavWorld): Related | undefined {
  const target = navTargetAt(analysis, offset);
  if (!target) return undefined;
  return { origin: target.span, target, targets: sortLocations(targetsOf(target, world)) };
}

function targetsOf(target: NavTarget, world: NavWorld): NavLocation[] {
  const { universe } = world;
  switch (target.kind) {
    case 'policy':
      return workloadLocations(selectedClasses(target.policy, universe).flatMap((c) => c.workloads));
    case 'rule': {
      const peers = target.rule.peers?.items ?? [];
      if (peers.length === 0) return workloadLocations(universe.workloads);
      return workloadLocations(peers.flatMap((peer) => peerClasses(target.policy, peer, universe)).flatMap((c) => c.workloads));
    }
    case 'peer':
      return workloadLocations(peerClasses(target.policy, target.peer, universe).flatMap((c) => c.workloads));
    case 'peer-namespaces':
      return namespaceLocations(namespacesPicked(target.peer.namespaceSelector, universe));
    case 'calico':
      return calicoTargets(target, universe);
    case 'workload':
      return policiesAdmitting(target.workload, world);
  }
}

function calicoTargets(target: Extract<NavTarget, { kind: 'calico' }>, universe: Universe): NavLocation[] {
  switch (target.placed.selector.role) {
    case 'policy-namespace-selector':
    case 'entity-namespace-selector':
      return namespaceLocations(calicoNamespacesPicked(target.placed.selector, universe));
    case 'policy-service-account-selector':
    case 'service-account-selector':
      return [];
    default:
      return workloadLocations(calicoWorkloads(target.policy, target.placed, universe));
  }
}

/** A workload's place: its object, the cursor landing on its pod template labels. */
export function workloadLocations(workloads: readonly ReachWorkload[]): NavLocation[] {
  const seen = new Set<string>();
  return workloads.flatMap((w) => {
    const key = `${w.source.uri}#${w.source.span.start}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ uri: w.source.uri, span: w.source.span, selection: w.labelsSource.span }];
  }).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start));
}

/** Only namespaces declared by a `kind: Namespace` object have a place to go to. */
function namespaceLocations(namespaces: readonly DeclaredNamespace[]): NavLocation[] {
  return namespaces.flatMap((ns) => (ns.source ? [{ uri: ns.source.uri, span: ns.source.span, selection: ns.object?.name.span ?? ns.source.span }] : []));
}

/** The workspace index keeps the `kind: Namespace` object of a declared namespace, whose name is the place to land on. */
interface DeclaredNamespace extends ReachNamespace {
  readonly object?: { readonly name: { readonly span: Span } };
}

function sortLocations(locations: NavLocation[]): NavLocation[] {
  return locations.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start));
}
