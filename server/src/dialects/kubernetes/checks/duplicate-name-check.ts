/**
 * Two policies with one name in one namespace: `kubectl apply` keeps only the last,
 * silently. Compared within the file (the workspace index will widen this later);
 * a missing namespace counts as "whatever kubectl targets", the same for both.
 */
import { memoByObject } from '../../../model/memo';
import type { NetworkPolicy } from '../../../model/types';
import { finding, type Finding } from '../../../core/finding';
import type { CheckContext, PolicyCheck } from './check';
import { dataAt } from '../../../analysis/checks/finding-data';

export const duplicateNameCheck: PolicyCheck = {
  id: 'duplicate-name',
  crossDocument: true,
  run(policy: NetworkPolicy, context: CheckContext): Finding[] {
    const name = policy.metadata.name;
    if (!name) return [];
    const namespace = policy.metadata.namespace?.value;
    const earlier = firstByName(context.policies).get(nameKey(policy));
    if (!earlier?.metadata.name || earlier === policy) return [];
    const where = namespace ? `namespace "${namespace}"` : 'the same (unset) namespace';
    const message = `Another NetworkPolicy named "${name.value}" in ${where} is defined earlier in this file: applying the file keeps only the last one. Give each policy its own name.`;
    return [
      finding('netpol/duplicate-name', 'warning', message, name.span, {
        data: dataAt(policy.ref, ['metadata', 'name'], { value: name.value }),
        related: [{ span: earlier.metadata.name.span, message: 'The earlier policy with this name.' }],
      }),
    ];
  },
};

/** `namespace/name`, kept per policy object since every edit asks it of every policy of the file. */
const nameKey = memoByObject((p: NetworkPolicy): string => `${p.metadata.namespace?.value ?? ''}/${p.metadata.name?.value ?? ''}`);

/** The first policy of each namespace/name, computed once per file (checks run once per policy). */
const FIRST = new WeakMap<readonly NetworkPolicy[], Map<string, NetworkPolicy>>();

function firstByName(policies: readonly NetworkPolicy[]): Map<string, NetworkPolicy> {
  let map = FIRST.get(policies);
  if (!map) {
    map = new Map();
    for (const p of policies) {
      const key = nameKey(p);
      if (p.metadata.name && !map.has(key)) map.set(key, p);
    }
    FIRST.set(policies, map);
  }
  return map;
}
