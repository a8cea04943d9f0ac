/**
 * The registry of Calico policy checks, run in this order, and the one entry
 * point the file analysis calls. Add a check here.
 */
import type { ParsedFile } from '../../../core/parse/yaml-tree';
import { finding, type Finding } from '../../../core/finding';
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

/** Every finding of every check for the Calico policies of one file (unsorted). */
export function checkCalicoPolicies(file: ParsedFile, policies: readonly CalicoPolicy[]): Finding[] {
  const context: CalicoCheckContext = { file, policies };
  return policies.flatMap((policy) => CALICO_CHECKS.flatMap((check) => runCheck(check, policy, context)));
}

/** A bug in one check must not hide what the others found; it becomes a visible finding instead. */
function runCheck(check: CalicoCheck, policy: CalicoPolicy, context: CalicoCheckContext): Finding[] {
  try {
    return check.run(policy, context);
  } catch (error) {
    const message = `Internal error in Calico check "${check.id}": ${error instanceof Error ? error.message : String(error)}`;
    return [finding('calico/internal-error', 'information', message, policy.ref.kind?.span ?? policy.ref.node.span, { data: { docIndex: policy.ref.docIndex } })];
  }
}
