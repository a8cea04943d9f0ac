/**
 * Exposure analysis's answer, as netpol-analyzer's `--exposure` gives it: to which
 * peers a workload is open that the manifests do not hold. A dialect that can say it
 * provides `exposure` (dialects/dialect.ts).
 */
import type { ConnectionSet } from '../ir/connection-set';
import type { SourceRef } from '../ir/policy-ir';

export type ExposureCause =
  | { readonly kind: 'unprotected' }
  | { readonly kind: 'rule'; readonly policy: string; readonly rule: string; readonly source: SourceRef };

export interface Exposure {
  readonly workload: string;
  readonly direction: 'ingress' | 'egress';
  /** `entire-cluster`, `ns/[pod with {app=x}]`, `[namespace with {team=a}]/[all pods]`, or an address range. */
  readonly peer: string;
  readonly connections: ConnectionSet;
  readonly causes: readonly ExposureCause[];
}

export interface ExposureReport {
  /** Sorted by workload, then peer. */
  readonly exposures: readonly Exposure[];
  /** Workloads no policy selects, per direction. */
  readonly unprotected: readonly { readonly workload: string; readonly direction: 'ingress' | 'egress' }[];
  /** How many policies are not NetworkPolicies, which this analysis leaves out. */
  readonly notAnalysed: number;
}

