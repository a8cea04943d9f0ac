/**
 * What completion (complete.ts) asks of each dialect: whether a document being
 * written is one of its policies, and the candidates inside one. Most dialects
 * answer with schemaDrafts (complete-schema.ts) over their field schema.
 */
import type { YamlStyle } from '../fixes/yaml-style';
import type { Universe } from '../navigate/universe';
import type { CandidateDraft } from './candidate';
import type { CursorPlace } from './yaml-cursor';

/** Where the cursor is, in a document that is (or is about to become) a policy. */
export interface CompletionSite<P> {
  readonly text: string;
  readonly offset: number;
  readonly place: CursorPlace;
  readonly style: YamlStyle;
  readonly universe: Universe | undefined;
  /** The policy's namespace (`default` when it names none). */
  readonly namespace: string;
  /** The object is one of the dialect's cluster-scoped kinds. */
  readonly global: boolean;
  /** The dialect's model of the policy, when the document parses that far. */
  readonly policy?: P;
  /** Labels every namespace carries from its name, whichever dialect sets them: no label a person would choose. */
  readonly namespaceNameLabels: ReadonlySet<string>;
}

export interface CompletionHooks<P> {
  /**
   * Whether a document whose text says `kind` and `apiVersion` (it may not parse yet) is
   * one of its policies: `own` when surely, `fallback` when no other dialect's is.
   */
  documentKind(kind: string | undefined, apiVersion: string): 'own' | 'fallback' | undefined;
  /** Its cluster-scoped policy kinds (fields marked `only: 'global'` are offered there). */
  readonly clusterScopedKinds?: readonly string[];
  /** Candidates for a whole new policy in an empty document. */
  newDocument?(site: CompletionSite<P>): CandidateDraft[];
  /** Candidates at the cursor in one of its policies. */
  complete(site: CompletionSite<P>): CandidateDraft[];
}

/** One recipe, rendered at column 0 in VS Code snippet syntax with `\n` line ends (for "New Policy from Recipe"). */
export interface RenderedRecipe {
  readonly id: string;
  readonly kind: 'policy' | 'ingress-rule' | 'egress-rule';
  readonly title: string;
  readonly description: string;
  readonly snippet: string;
}

/** What "New Policy from Recipe" asks of a dialect that has recipes. */
export interface RecipeHooks {
  /** Its recipes rendered with choices for `namespace` (or the workspace's busiest), and the namespace they were rendered for. */
  render(universe: Universe | undefined, namespace: string | undefined, hiddenLabels: ReadonlySet<string>): { readonly recipes: readonly RenderedRecipe[]; readonly namespace: string };
}
