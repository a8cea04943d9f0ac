/**
 * Findings that only the whole workspace can tell, from every dialect's hooks
 * (analysis/workspace-view.ts). Pure: a file's analysis and the workspace index in,
 * findings out.
 *
 *   workspaceFindings(analysis, index)              // about the workspace's workloads (cached per document by WorkspaceFindingsCache)
 *   crossFileFindings(uri, analysis, index)         // about other files' policies (never cached)
 *
 * They are information, not warnings: manifests for one cluster are often spread over
 * several repositories, so "nothing here matches" may be true only here.
 */
import type { FileAnalysis } from '../analysis/file-analysis';
import type { Finding } from '../core/finding';
import { DIALECTS } from '../dialects/registry';
import type { WorkspaceIndex } from './workspace-index';
import { serviceRangeFindings } from './service-range-findings';

/** Every dialect's findings about the workspace's workloads, for the file's policies; none without workloads. */
export function workspaceFindings(analysis: FileAnalysis, index: WorkspaceIndex): Finding[] {
  if (index.workloads.length === 0) return [];
  return DIALECTS.flatMap((dialect) => dialect.workspace?.policyFindings ? dialect.readingOf(analysis).flatMap((policy) => dialect.workspace!.policyFindings!(policy, index)) : []);
}

/** Every dialect's findings of the file's policies that involve policies of other files, and those the cluster profile's ranges decide. */
export function crossFileFindings(uri: string, analysis: FileAnalysis, index: WorkspaceIndex): Finding[] {
  return [...DIALECTS.flatMap((dialect) => dialect.workspace?.fileFindings?.(uri, analysis, index) ?? []), ...serviceRangeFindings(uri, analysis)];
}

