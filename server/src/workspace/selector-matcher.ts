/**
 * Answers "what does this selector pick in the workspace?" for hovers, from the
 * workspace index. The index is only touched when a selector is actually hovered,
 * so hovers elsewhere never pay for rebuilding it after an edit.
 */
import type { SelectorScope, WorkspaceMatcher } from '../analysis/explain/types';
import { compileSelector, type CompiledSelector } from '../analysis/selectors';
import type { LabelSelector } from '../model/types';
import type { WorkspaceIndex } from './workspace-index';

/** The namespace objects without one are applied to, as the rest of the workspace model assumes. */
const DEFAULT_NAMESPACE = 'default';

export function workspaceMatcher(index: () => WorkspaceIndex): WorkspaceMatcher {
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
        return workspace.workloadsSelectedBy(scope.namespace || DEFAULT_NAMESPACE, compiled.selector).map((w) => w.id);
      case 'pods-in-selected-namespaces':
        return podsInSelectedNamespaces(workspace, compiled.selector, scope.namespaceSelector);
    }
  };
}

function podsInSelectedNamespaces(workspace: WorkspaceIndex, pods: CompiledSelector, namespaceSelector: LabelSelector): string[] {
  const namespaces = compileSelector(namespaceSelector);
  if (namespaces.problems.length > 0) return [];
  return workspace.namespacesSelectedBy(namespaces.selector).flatMap((ns) => workspace.workloadsSelectedBy(ns.name, pods).map((w) => w.id));
}
