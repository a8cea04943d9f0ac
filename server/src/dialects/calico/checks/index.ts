/**
 * The registry of Calico policy checks, run in this order, and the one entry
 * point the file analysis calls. Add a check here.
 */
import type { ParsedFile } from '../../../core/parse/yaml-tree';
import { runCheck, type InternalErrorReport } from '../../../analysis/checks/check';
import type { Finding } from '../../../core/finding';
import type { CalicoPolicy } from '../model/types';
import type { CalicoCheck, CalicoCheckContext } from './check';
import { namesCheck } from './names-check';
import { netsCheck } from './nets-check';
import { dnsCheck, orderingCheck } from './ordering-check';
import { portsCheck } from './ports-check';
import { requiredFieldsCheck } from './required-fields-check';
import { ruleCheck } from './rule-check';
import { schemaCheck } from './schema-check';
import { selectorCheck } from './selector-check';
import { servicesCheck } from './services-check';
import { specCheck } from './spec-check';

const CALICO_CHECKS: readonly CalicoCheck[] = [
  requiredFieldsCheck,
  schemaCheck,
  namesCheck,
  specCheck,
  selectorCheck,
  ruleCheck,
  portsCheck,
  netsCheck,
  servicesCheck,
  // Traps that are legal but surely not meant: after the errors, as for Kubernetes policies.
  orderingCheck,
  dnsCheck,
];

const INTERNAL_ERROR: InternalErrorReport = { code: 'calico/internal-error', lead: 'Internal error in Calico check', data: (policy) => ({ docIndex: policy.ref.docIndex }) };

/** Every finding of every check for the Calico policies of one file (unsorted). */
export function checkCalicoPolicies(file: ParsedFile, policies: readonly CalicoPolicy[]): Finding[] {
  const context: CalicoCheckContext = { file, policies };
  return policies.flatMap((policy) => CALICO_CHECKS.flatMap((check) => runCheck(check, policy, context, INTERNAL_ERROR)));
}
