/**
 * The explain API: what the hover service (and later the CLI) passes in, and what
 * comes out. What the cursor can be on is each dialect's own (its explain/ folder).
 * Pure data, no LSP types.
 */
import type { LabelSelector, Span } from '../../model/types';
import type { WorkspaceView } from '../workspace-view';

/** Where a selector looks: which pods or namespaces it can possibly match. */
export type SelectorScope =
  /** Pods of one namespace (undefined when the policy names none: the namespace it is applied to). */
  | { readonly kind: 'pods-in-namespace'; readonly namespace: string | undefined }
  /** Pods of the namespaces a sibling `namespaceSelector` selects. */
  | { readonly kind: 'pods-in-selected-namespaces'; readonly namespaceSelector: LabelSelector }
  | { readonly kind: 'namespaces' };

/**
 * Lists what a selector matches in the workspace (e.g. `deployment/web (default)`).
 * The workspace index will provide one; until then hovers say nothing about the workspace.
 */
/** Returns undefined when the workspace cannot tell (e.g. it holds no workloads at all). */
export interface WorkspaceMatcher {
  (selector: LabelSelector, scope: SelectorScope): readonly string[] | undefined;
  /** For a selector that matches nothing: `did you mean app=web (shop/web)?`, when a label of the workspace is that close. */
  readonly nearest?: (selector: LabelSelector, scope: SelectorScope) => string | undefined;
}

export interface ExplainOptions {
  readonly matches?: WorkspaceMatcher;
  /** The workspace around the file, for hovers that place a policy among the others (e.g. in an evaluation order). */
  readonly workspace?: () => WorkspaceView;
}

/** The Markdown for the node under the cursor, and that node's exact span. */
export interface Explanation {
  readonly markdown: string;
  readonly span: Span;
}
