/**
 * Hovers on keys that are not fields where they stand (a typo, `to` in an ingress
 * rule) and on values of the wrong shape: say what is expected instead.
 */
import { editDistance } from '../../../core/text/edit-distance';
import { code, listOr } from '../../../analysis/explain/markdown';

export function explainUnknownField(field: string, owner: string, expected: readonly string[]): string {
  const near = closest(field, expected);
  const hint = near ? ` Did you mean ${code(near)}?` : '';
  const swapped = (field === 'to' && owner === 'an ingress rule') || (field === 'from' && owner === 'an egress rule');
  const direction = swapped ? ` \`${field}\` belongs in ${field === 'to' ? 'egress' : 'ingress'} rules.` : '';
  return `**${code(field)} is not a field of ${owner}.** Expected ${listOr(expected.map(code))}.${direction}${hint} kubectl rejects unknown fields; with validation off they are silently dropped, so this has no effect.`;
}

/**
 * In a peer, `podSelector:` with no value is JSON null: the field counts as not
 * set at all, unlike `spec.podSelector`, where null means `{}`.
 */
export function explainNullPeerSelector(field: 'podSelector' | 'namespaceSelector'): string {
  const noun = field === 'podSelector' ? 'pod' : 'namespace';
  return `**${code(`${field}:`)} has no value**, and in a \`from\`/\`to\` item Kubernetes reads that as "no ${field}", not as \`{}\`. Write \`${field}: {}\` to mean every ${noun}.`;
}

export function explainWrongShape(field: string, expected: string): string {
  return `**${code(field)}** should be ${expected}.`;
}

/**
 * The expected name that differs only in case, or by at most two edits. The hover
 * counts a swap of neighbours as two edits (plain Levenshtein), as it always has;
 * the diagnostics' suggestion (schema/did-you-mean.ts) counts it as one.
 */
function closest(field: string, expected: readonly string[]): string | undefined {
  const lower = field.toLowerCase();
  const sameLetters = expected.find((e) => e.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  let best: { name: string; distance: number } | undefined;
  for (const name of expected) {
    const distance = editDistance(lower, name.toLowerCase(), { transpositions: false });
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
