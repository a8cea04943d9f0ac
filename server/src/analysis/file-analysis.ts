/**
 * What the analysis of one file holds (analyze-file.ts computes it): the parse, the
 * objects, each dialect's policies, the findings and the cluster they were judged for.
 *
 *   analysis.readings.get(dialect.id)   // one dialect's policies, for generic code
 *   dialect.readingOf(analysis)         // the same, typed, for the dialect's own code
 *   allPolicies(analysis)               // every policy of every dialect
 */
import type { Finding } from '../core/finding';
import type { ParsedFile } from '../core/parse/yaml-tree';
import type { Metadata, ObjectRef } from '../model/types';
import type { ClusterProfile } from './profile/cluster-profile';

/** What every dialect's policy object has: the object it was read from, and its metadata. */
export interface PolicyObject {
  readonly ref: ObjectRef;
  readonly metadata: Metadata;
}

export interface FileAnalysis {
  readonly parsed: ParsedFile;
  readonly objects: readonly ObjectRef[];
  /** Each dialect's policies of this file in file order, by dialect id (every registered dialect has an entry). */
  readonly readings: ReadonlyMap<string, readonly PolicyObject[]>;
  /**
   * Whether this file is ours to speak about. Other YAML (CI configs, Helm values,
   * Deployments alone) gets no diagnostics and no hovers from this extension.
   */
  readonly relevant: boolean;
  readonly findings: readonly Finding[];
  /** The cluster the findings were judged for (which release rejects what). */
  readonly profile: ClusterProfile;
}

/** Every policy of the file, of every dialect (dialect by dialect, each in file order). */
export function allPolicies(analysis: FileAnalysis): PolicyObject[] {
  return [...analysis.readings.values()].flat();
}

/**
 * One dialect's policies, typed as that dialect reads them. Only a dialect calls this,
 * with its own id and policy type (its `readingOf`), so the cast cannot mix dialects.
 */
export function readingOf<P extends PolicyObject>(analysis: FileAnalysis, id: string): readonly P[] {
  return (analysis.readings.get(id) ?? []) as readonly P[];
}
