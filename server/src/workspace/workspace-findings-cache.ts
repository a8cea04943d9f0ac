/**
 * Workspace findings for the language server, reused across keystrokes.
 *
 * A policy's workspace findings (each dialect's `policyFindings`) depend on its own
 * document's text and on the workloads and namespaces of the workspace (their labels
 * and ports), never on other policies. So they are kept per document, relative to the document's start,
 * for as long as the workloads and namespaces stay the same; an edit to one policy
 * then recomputes that policy's document only.
 */
import type { FileAnalysis } from '../analysis/file-analysis';
import { DocumentFindings } from '../core/document-findings';
import type { Finding } from '../core/finding';
import { DIALECTS } from '../dialects/registry';
import type { IndexedWorkload } from './indexed-workload';
import type { WorkspaceIndex } from './workspace-index';
import { sameItems } from './workloads-by-namespace';

export class WorkspaceFindingsCache {
  private fingerprint = '';
  private byDocument = new DocumentFindings();
  private readonly fingerprints = new WeakMap<WorkspaceIndex, string>();

  findings(analysis: FileAnalysis, index: WorkspaceIndex): Finding[] {
    if (index.workloads.length === 0) return [];
    this.invalidateUnlessSame(this.fingerprintOf(index));
    const byDoc = new Map<number, (() => Finding[])[]>();
    for (const dialect of DIALECTS) {
      const policyFindings = dialect.workspace?.policyFindings;
      if (!policyFindings) continue;
      for (const policy of dialect.readingOf(analysis)) {
        const run = (): Finding[] => policyFindings.call(dialect.workspace, policy, index);
        byDoc.set(policy.ref.docIndex, [...(byDoc.get(policy.ref.docIndex) ?? []), run]);
      }
    }
    const findings: Finding[] = [];
    for (const [docIndex, runs] of byDoc) {
      const doc = analysis.parsed.documents[docIndex]!;
      findings.push(...this.byDocument.get(doc, () => runs.flatMap((run) => run())));
    }
    return findings;
  }

  private invalidateUnlessSame(fingerprint: string): void {
    if (fingerprint === this.fingerprint) return;
    this.fingerprint = fingerprint;
    this.byDocument = new DocumentFindings();
  }

  /** Everything the findings read from the workspace: namespaces with labels, workloads with labels and ports. */
  private fingerprintOf(index: WorkspaceIndex): string {
    let fingerprint = this.fingerprints.get(index);
    if (fingerprint === undefined) {
      const namespaces = [...index.namespaces.values()].map((ns) => `N${ns.name}\n${ns.labels.key}`).join('\u0000');
      // An indexed workload is immutable and kept while its document is unchanged: the same objects say the same.
      const last = this.lastWorkloads;
      if (last && last.namespaces === namespaces && sameItems(last.workloads, index.workloads)) fingerprint = last.fingerprint;
      else fingerprint = `${namespaces}\u0000${index.workloads.map(workloadFingerprint).join('\u0000')}`;
      this.lastWorkloads = { namespaces, workloads: index.workloads, fingerprint };
      this.fingerprints.set(index, fingerprint);
    }
    return fingerprint;
  }

  private lastWorkloads: { readonly namespaces: string; readonly workloads: readonly IndexedWorkload[]; readonly fingerprint: string } | undefined;
}

/** Per indexed workload, which the index reuses across rebuilds while its document is unchanged. */
const WORKLOAD_FINGERPRINTS = new WeakMap<IndexedWorkload, string>();

function workloadFingerprint(w: IndexedWorkload): string {
  let fingerprint = WORKLOAD_FINGERPRINTS.get(w);
  if (fingerprint === undefined) {
    fingerprint = `W${w.namespace}\n${w.labels.key}\n${w.ports.map((p) => `${p.name ?? ''}/${p.port}/${p.protocol}`).join(',')}`;
    WORKLOAD_FINGERPRINTS.set(w, fingerprint);
  }
  return fingerprint;
}
