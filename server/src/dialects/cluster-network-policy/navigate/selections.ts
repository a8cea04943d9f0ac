/** Which workloads of a workspace a subject or peer picks (namespace AND pod labels), for navigation and code lenses. */
import { compileSelector, fromRequirements, selectorMatches, type CompiledSelector } from '../../../model/selectors';
import type { LabelSelector } from '../../../model/types';
import type { ReachWorkload } from '../../../evaluate/types';
import { namespaceLabelsOf, type Universe } from '../../../analysis/navigate/universe';
import type { Selection } from '../model/types';

function compiled(selector: LabelSelector | undefined): CompiledSelector | undefined {
  if (!selector) return fromRequirements([]);
  const result = compileSelector(selector);
  return result.problems.length === 0 ? result.selector : undefined;
}

/** The selectors of a pod selection: namespaces, and pods (absent: all of them); undefined when it selects no pods. */
function podSelectors(selection: Selection): { readonly namespaces: CompiledSelector; readonly pods: CompiledSelector } | undefined {
  const namespaces = compiled(selection.namespaces ?? selection.pods?.namespaceSelector);
  const pods = selection.namespaces ? fromRequirements([]) : selection.pods ? compiled(selection.pods.podSelector) : undefined;
  return namespaces && pods && (selection.namespaces || selection.pods) ? { namespaces, pods } : undefined;
}

export function selectedWorkloads(selection: Selection, universe: Universe): ReachWorkload[] {
  const selectors = podSelectors(selection);
  if (!selectors) return [];
  return [...universe.classesByNamespace]
    .filter(([namespace]) => selectorMatches(selectors.namespaces, namespaceLabelsOf(universe, namespace)))
    .flatMap(([, classes]) => classes.filter((c) => selectorMatches(selectors.pods, c.labelSet)).flatMap((c) => c.workloads))
    .filter((w) => !w.hostNetwork);
}

export function selectsPods(selection: Selection, namespaceLabels: ReadonlyMap<string, string>, labels: ReadonlyMap<string, string>): boolean {
  const selectors = podSelectors(selection);
  return selectors !== undefined && selectorMatches(selectors.namespaces, namespaceLabels) && selectorMatches(selectors.pods, labels);
}
