/** Adding a type to an explicit policyTypes list, shared by the DNS fix and the ignored-rules fix. */
import { getPair, isSeq, type YMap } from '../../../core/parse/yaml-tree';
import type { PolicyType } from '../../../model/types';
import type { TextEdit } from '../../../analysis/fixes/fix';
import { appendToSeq, type EditContext } from '../../../analysis/fixes/yaml-edits';

/**
 * The edit that adds `type` to `spec.policyTypes`, or undefined when the list is absent
 * (the defaults then follow the rules) or already has it. A list of another shape
 * (`policyTypes: Egress`) yields null: the caller must not guess.
 */
export function addPolicyTypeEdit(ctx: EditContext, spec: YMap, type: PolicyType): TextEdit | undefined | null {
  const pair = getPair(spec, 'policyTypes');
  if (!pair || pair.value === null || (pair.value.kind === 'scalar' && pair.value.value === null)) return undefined;
  const list = pair.value;
  if (!isSeq(list)) return null;
  if (list.items.length === 0) return undefined;
  if (list.items.some((item) => item.kind === 'scalar' && item.value === type)) return undefined;
  return appendToSeq(ctx, list, type, pair);
}
