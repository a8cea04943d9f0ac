/** The check interface (analysis/checks/check.ts) over Kubernetes NetworkPolicies. */
import type { Check, CheckContextOf } from '../../../analysis/checks/check';
import type { NetworkPolicy } from '../../../model/types';

export type CheckContext = CheckContextOf<NetworkPolicy>;
export type PolicyCheck = Check<NetworkPolicy>;
