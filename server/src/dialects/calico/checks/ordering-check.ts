/**
 * Ordering traps among the Calico policies of one file: a Deny rule that an
 * earlier Allow already decides, and policies of equal order whose precedence
 * only their names decide. Policies of other files and Kubernetes policies are
 * compared by workspace-order.ts, which reports what involves them.
 */
import type { Finding } from '../../../core/finding';
import type { CalicoPolicy } from '../model/types';
import { fileShapes } from '../ordering/file-shapes';
import { dnsFinding, orderingFindings } from '../ordering/ordering-findings';
import type { PolicyShape } from '../ordering/shapes';
import type { CalicoCheck, CalicoCheckContext } from './check';

export const orderingCheck: CalicoCheck = {
  id: 'ordering',
  crossDocument: true,
  run(policy: CalicoPolicy, context: CalicoCheckContext): Finding[] {
    const { shapes, target } = shapesOf(policy, context);
    if (!target) return [];
    return orderingFindings([target], shapes, { reports: (other) => shapes.includes(other), where: () => '', tieOnBoth: false, ownRules: true });
  },
};

/** Egress that ends in a deny without DNS allowed first, judged with the file's policies. */
export const dnsCheck: CalicoCheck = {
  id: 'dns',
  crossDocument: true,
  run(policy: CalicoPolicy, context: CalicoCheckContext): Finding[] {
    const { shapes, target } = shapesOf(policy, context);
    return target ? dnsFinding(target, shapes) : [];
  },
};

/** The file's policies as the ordering checks compare them, and the shape of `policy` among them. */
function shapesOf(policy: CalicoPolicy, context: CalicoCheckContext): { shapes: PolicyShape[]; target: PolicyShape | undefined } {
  const shapes = fileShapes(context.policies);
  return { shapes, target: shapes.find((s) => s.origin.kind === 'calico' && s.origin.policy === policy) };
}
