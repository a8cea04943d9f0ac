/**
 * Fixes that take out what the message says to remove: the repeat of a policyTypes
 * entry, and the `values` of an Exists/DoesNotExist requirement.
 */
import { isMap, isSeq } from '../../../core/parse/yaml-tree';
import type { FindingFix } from '../../../analysis/fixes/fix';
import { locate, locatePair, nodeAt, objectRoot, pathOf, stringData } from '../../../analysis/fixes/locate';
import { removePair, removeSeqItem } from '../../../analysis/fixes/remove-edits';

/** Data path ['spec', 'policyTypes', i]: the repeated entry. */
export const removeDuplicatePolicyTypeFix: FindingFix = (analysis, data) => {
  const path = pathOf(data);
  const value = stringData(data, 'value');
  const index = path?.[path.length - 1];
  const root = objectRoot(analysis.parsed, data);
  const list = root && path ? nodeAt(root, path.slice(0, -1)) : undefined;
  const item = locate(analysis, data);
  if (typeof index !== 'number' || !isSeq(list) || item?.kind !== 'scalar' || item.value !== value) return undefined;
  const edit = removeSeqItem(analysis.parsed.text, list, index);
  return edit && { title: `Remove the repeated "${value}"`, kind: 'quickfix', edits: [edit], isPreferred: true };
};

/** Data path [..., requirement, 'values']. */
export const removeSelectorValuesFix: FindingFix = (analysis, data) => {
  const path = pathOf(data);
  const pair = locatePair(analysis, data);
  const root = objectRoot(analysis.parsed, data);
  const requirement = root && path ? nodeAt(root, path.slice(0, -1)) : undefined;
  if (!pair || pair.keyText !== 'values' || !isMap(requirement)) return undefined;
  const edit = removePair(analysis.parsed.text, requirement, pair);
  return edit && { title: `Remove "values" (${stringData(data, 'operator') ?? 'the operator'} takes none)`, kind: 'quickfix', edits: [edit], isPreferred: true };
};
