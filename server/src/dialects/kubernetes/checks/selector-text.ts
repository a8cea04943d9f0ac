/** Selectors as short readable text for messages: "team=monitoring, tier In (a, b)". */
import type { LabelSelector } from '../../../model/types';

export function selectorText(selector: LabelSelector | undefined): string {
  if (!selector) return 'any labels';
  const parts = [
    ...selector.matchLabels.map(({ key, value }) => `${key.value}=${value.value}`),
    ...selector.matchExpressions.map((r) => {
      const values = r.values.map((v) => v.value).join(', ');
      return `${r.key?.value ?? '?'} ${r.operator?.value ?? '?'}${values ? ` (${values})` : ''}`;
    }),
  ];
  return parts.length > 0 ? parts.join(', ') : 'any labels';
}
