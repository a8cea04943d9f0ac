/**
 * Equal priorities in one tier: upstream leaves their order to the implementation
 * ("it can apply any of the matching policies"), so two policies with the same
 * priority whose rules can match the same traffic make the outcome unknowable. Each
 * gets a warning naming the other; why-traces of the traffic say it too.
 */
import type { FileAnalysis } from '../../../analysis/file-analysis';
import type { WorkspaceView } from '../../../analysis/workspace-view';
import type { Finding } from '../../../core/finding';
import type { ClusterPolicy } from '../model/types';
import { tierOf } from '../model/tier';
import { clusterPoliciesOf } from '../reading';
import { reporter } from './report';

interface Placed {
  readonly uri: string;
  readonly policy: ClusterPolicy;
}

/** The workspace's stored cluster-wide policies, read once per workspace view (every file of a `check` asks). */
const STORED = new WeakMap<WorkspaceView, readonly Placed[]>();

function storedPolicies(workspace: WorkspaceView): readonly Placed[] {
  let stored = STORED.get(workspace);
  if (!stored) {
    stored = workspace.policyFiles().flatMap((file) => clusterPoliciesOf(file.analysis).filter((p) => !workspace.rejected(file.analysis, p.ref)).map((policy) => ({ uri: file.uri, policy })));
    STORED.set(workspace, stored);
  }
  return stored;
}

export function clusterWorkspaceFindings(uri: string, analysis: FileAnalysis, workspace: WorkspaceView): Finding[] {
  const mine = clusterPoliciesOf(analysis).filter((p) => !workspace.rejected(analysis, p.ref));
  if (mine.length === 0) return [];
  // This file as it is now (an open buffer may be newer than the index), and every other file as indexed.
  const all = [...mine.map((policy) => ({ uri, policy })), ...storedPolicies(workspace).filter((p) => p.uri !== uri)];
  return mine.flatMap((policy) => {
    const priority = policy.spec?.priority;
    if (!priority || policy.kind === 'BaselineAdminNetworkPolicy') return [];
    const clashes = all.filter((o) => o.policy !== policy && o.policy.spec?.priority?.value === priority.value && tierOf(o.policy) === tierOf(policy) && shareDirection(policy, o.policy));
    if (clashes.length === 0) return [];
    const names = clashes.map((c) => `${c.policy.kind} ${c.policy.metadata.name?.value ?? '(unnamed)'}${c.uri === uri ? '' : ` (${fileName(c.uri)})`}`);
    const message = `Priority ${priority.value} is also the priority of ${names.join(', ')} in the ${tierOf(policy)} tier: where their rules match the same traffic, the implementation may apply either first, so the outcome is undefined. Give each a different priority.`;
    return [reporter(policy)('cnp/equal-priority', 'warning', message, priority.span, { others: names })];
  });
}

/** Both have rules in some direction: only then can they decide the same connections. */
function shareDirection(a: ClusterPolicy, b: ClusterPolicy): boolean {
  const has = (p: ClusterPolicy, d: 'ingress' | 'egress'): boolean => (p.spec?.[d]?.items.length ?? 0) > 0;
  return (has(a, 'ingress') && has(b, 'ingress')) || (has(a, 'egress') && has(b, 'egress'));
}

function fileName(uri: string): string {
  const path = uri.split(/[?#]/)[0]!;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}
