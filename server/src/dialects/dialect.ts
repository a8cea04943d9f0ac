/**
 * What a policy dialect is to the rest of the server: one object per dialect folder
 * (dialects/<name>/index.ts), listed by the registry (dialects/registry.ts). Generic
 * features iterate the registry and call these hooks; nothing outside a dialect's
 * folder and the registry names a dialect. Each hook's interface sits next to the
 * feature that calls it; this file only composes them.
 *
 * Hooks are methods, so a Dialect<NetworkPolicy> is a Dialect: generic code hands each
 * dialect only the policies that dialect read (`readingOf`).
 */
import type { Finding } from '../core/finding';
import type { ParsedFile } from '../core/parse/yaml-tree';
import type { ObjectRef, Span } from '../model/types';
import type { Lowered, PolicyProblem, Tier } from '../ir/policy-ir';
import type { ReachEngine } from '../evaluate/reach-engine';
import type { ExposureReport } from '../evaluate/exposure-report';
import type { KubernetesVersion } from '../analysis/profile/cluster-profile';
import type { FileAnalysis, PolicyObject } from '../analysis/file-analysis';
import type { ExplainHooks } from '../analysis/explain/explain-hooks';
import type { WorkspaceFindingHooks } from '../analysis/workspace-view';
import type { LensHooks } from '../analysis/navigate/lens-hooks';
import type { NavigationHooks } from '../analysis/navigate/nav-world';
import type { CompletionHooks, RecipeHooks } from '../analysis/complete/completion-hooks';
import type { FixHooks } from '../analysis/fixes/fix';
import type { SymbolHooks } from '../analysis/symbols/symbol-hooks';

/** An object that groups policies into a tier and orders the tiers; the reachability engine reads them. */
export interface TierObject {
  readonly name: string;
  /** Absent: the tier has no order and comes after every tier with one. */
  readonly order?: number;
  /** What happens to traffic no policy in the tier decided. */
  readonly defaultAction: 'Deny' | 'Pass';
  readonly span: Span;
}

export interface Dialect<P extends PolicyObject = PolicyObject> {
  /** The key of its reading in FileAnalysis.readings, and how code names it (the folder's name). */
  readonly id: string;
  /** How people call it, for text shown to them (`Kubernetes NetworkPolicy`). */
  readonly title: string;

  // Reading
  /** The kinds it reads as policies; a file whose text names one is ours even when it does not parse. */
  readonly policyKinds: readonly string[];
  /** Whether the object (apiVersion and kind) is one of its policies. */
  claims(ref: ObjectRef): boolean;
  /** The objects it claims, read into its policies in file order (memoised per object). */
  read(objects: readonly ObjectRef[]): readonly P[];
  /** Its policies of an analysed file, typed. */
  readingOf(analysis: FileAnalysis): readonly P[];

  // Checks
  /** Every finding of its checks for its policies of one file (unsorted). */
  check(file: ParsedFile, policies: readonly P[]): Finding[];
  /** Error codes that do not make a policy rejected (internal errors, what the server still stores). */
  readonly acceptedErrors: readonly string[];
  /** The prefix of its finding codes (`netpol` in `netpol/invalid-cidr`) and what that family of findings is about, for SARIF rules. */
  readonly findings: { readonly prefix: string; readonly help: string };
  /** Its findings that need the whole workspace. */
  readonly workspace?: WorkspaceFindingHooks<P>;

  // Hover
  readonly explain: ExplainHooks<P>;

  // Completion
  readonly completion: CompletionHooks<P>;
  /** A label its engine sets on every namespace from the namespace's name (as Kubernetes sets kubernetes.io/metadata.name). */
  readonly namespaceNameLabel?: string;
  /** Its policy and rule snippets, for "New Policy from Recipe". */
  readonly recipes?: RecipeHooks;

  // Outline and Go to Symbol in Workspace
  readonly symbols: SymbolHooks<P>;

  // Definition, references and code lenses: what a policy selects, which peers match
  readonly navigate: NavigationHooks<P>;
  readonly lenses: LensHooks<P>;

  // Code actions
  readonly fixes: FixHooks;

  // Command line
  /** The page `describe` prints for one policy, as the cluster's own tool would (kubectl describe), ending with a newline. */
  describe?(policy: P, options: { readonly kubectlVersion?: KubernetesVersion }): string;

  /** Objects of the dialect that order policies in tiers (not policies themselves), in file order. */
  readTiers?(objects: readonly ObjectRef[]): readonly TierObject[];

  // Reachability
  /** The namespace a policy lives in (and which therefore exists); undefined for a cluster-scoped policy. */
  namespaceOf(policy: P): string | undefined;
  /**
   * Its policies of one file lowered into the policy IR (ir/policy-ir.ts), each as
   * rejected (with `problemsOf` its rejections) or as the policy the evaluator runs.
   */
  lower(uri: string, analysis: FileAnalysis, problemsOf: (ref: ObjectRef) => PolicyProblem[]): Lowered[];
  /** The tiers it places policies in, unless a Tier object of the workspace declares one of that name. */
  readonly tiers?: readonly Tier[];
  /** Exposure analysis (`netpol-lens exposure`) of its policies in the engine; the report counts the others as not analysed. */
  exposure?(engine: ReachEngine): ExposureReport;
}
