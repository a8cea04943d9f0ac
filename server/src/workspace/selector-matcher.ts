/**
 * Answers "what does this selector pick in the workspace?" for hovers, from the
 * workspace index. The index is only touched when a selector is actually hovered,
 * so hovers elsewhere never pay for rebuilding it after an edit.
 */
import type { SelectorScope, WorkspaceMatcher } from '../analysis/explain/types';
import { compileSelector, type CompiledSelector } from '../model/selectors';
import type { LabelSelector } from '../model/types';
import { didYouMean, nearestLabel, type LabelCarrier } from '../analysis/nearest-labels';
import type { WorkspaceIndex } from './workspace-index';

/** The namespace objects without one are applied to, as the rest of the workspace model assumes. */
const DEFAULT_NAMESPACE = 'default';

export function workspaceMatcher(index: () => WorkspaceIndex): WorkspaceMatcher {
  const nearest = (selector: LabelSelector, scope: SelectorScope): string | undefined => {
    const found = nearestLabel(selector, carriersInScope(index(), scope));
    return found && didYouMean(found);
  };
  return Object.assign(matcher(index), { nearest });
}

/** What a selector in this scope could match, for the nearest label to a typo. */
function carriersInScope(workspace: WorkspaceIndex, scope: SelectorScope): readonly LabelCarrier[] {
  switch (scope.kind) {
    case 'namespaces':
      return workspace.namespaceCarriers();
    case 'pods-in-namespace':
      return workspace.podCarriers([scope.namespace || DEFAULT_NAMESPACE]);
    case 'pods-in-selected-namespaces': {
      const namespaces = compileSelector(scope.namespaceSelector);
      return namespaces.problems.length > 0 ? [] : workspace.podCarriers(workspace.namespacesSelectedBy(namespaces.selector).map((ns) => ns.name));
    }
  }
}

function matcher(index: () => WorkspaceIndex): (selector: LabelSelector, scope: SelectorScope) => readonly string[] | undefined {
  return (selector: LabelSelector, scope: SelectorScope): readonly string[] | undefined => {
    const workspace = index();
    // A folder of policies alone says nothing about what they match.
    if (workspace.workloads.length === 0) return undefined;
    const compiled = compileSelector(selector);
    // A selector the API server would reject selects nothing; validation says why.
    if (compiled.problems.length > 0) return [];
    switch (scope.kind) {
      case 'namespaces':
        return workspace.namespacesSelectedBy(compiled.selector).map((ns) => ns.name);
      case 'pods-in-namespace':
        return podsIn(workspace, scope.namespace || DEFAULT_NAMESPACE, compiled.selector);
      case 'pods-in-selected-namespaces':
        return podsInSelectedNamespaces(workspace, compiled.selector, scope.namespaceSelector);
    }
  };
}

function podsInSelectedNamespaces(workspace: WorkspaceIndex, pods: CompiledSelector, namespaceSelector: LabelSelector): string[] {
  const namespaces = compileSelector(namespaceSelector);
  if (namespaces.problems.length > 0) return [];
  return workspace.namespacesSelectedBy(namespaces.selector).flatMap((ns) => podsIn(workspace, ns.name, pods));
}

/** Declared workloads by id, then the ones every cluster has by what they are. */
function podsIn(workspace: WorkspaceIndex, namespace: string, pods: CompiledSelector): string[] {
  const declared = workspace.workloadsSelectedBy(namespace, pods).map((w) => w.id);
  return [...declared, ...workspace.clusterWorkloadsSelectedBy(namespace, pods).map((w) => w.display)];
}
