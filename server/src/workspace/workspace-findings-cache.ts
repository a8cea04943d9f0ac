/**
 * Workspace findings for the language server, reused across keystrokes.
 *
 * A policy's workspace findings (each dialect's `policyFindings`) depend on its own
 * document's text and on the workloads and namespaces of the workspace (their labels
 * and ports), never on other policies. So they are kept per document, relative to the document's start,
 * for as long as the workloads and namespaces stay the same; an edit to one policy
 * then recomputes that policy's document only.
 */
import { DocumentFindings } from '../core/document-findings';
import type { Finding } from '../core/finding';
import type { Dialect } from '../dialects/dialect';
import { DIALECTS } from '../dialects/registry';
import type { FileAnalysis, PolicyObject } from '../analysis/file-analysis';
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
    // Each document's policies, with the dialect that reads them; asked of the dialects only for a document not kept.
    const byDoc = new Map<number, { readonly dialect: Dialect; readonly policy: PolicyObject }[]>();
    for (const dialect of DIALECTS) {
      if (!dialect.workspace?.policyFindings) continue;
      for (const policy of dialect.readingOf(analysis)) {
        const docPolicies = byDoc.get(policy.ref.docIndex);
        if (docPolicies) docPolicies.push({ dialect, policy });
        else byDoc.set(policy.ref.docIndex, [{ dialect, policy }]);
      }
    }
    const findings: Finding[] = [];
    for (const [docIndex, docPolicies] of byDoc) {
      const doc = analysis.parsed.documents[docIndex]!;
      const kept = this.byDocument.get(doc, () => docPolicies.flatMap(({ dialect, policy }) => dialect.workspace!.policyFindings!(policy, index)));
      for (const f of kept) findings.push(f);
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
