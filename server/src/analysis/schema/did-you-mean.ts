/**
 * "Did you mean ..." for unknown fields: known slips first (aliases), then the same
 * word in another case (`podselector`), then singular/plural (`matchLabel`,
 * `namespaceSelectors`), then small typos by edit distance.
 */
import type { ObjectSchema } from './schema-types';

export function suggestField(key: string, schema: ObjectSchema): string | undefined {
  const alias = schema.aliases?.[key];
  if (alias !== undefined) return alias;
  const fields = Object.keys(schema.fields);
  const lower = key.toLowerCase();
  const sameWord = fields.find((f) => f.toLowerCase() === lower);
  if (sameWord) return sameWord;
  const plural = fields.find((f) => f.toLowerCase() === `${lower}s` || `${f.toLowerCase()}s` === lower);
  if (plural) return plural;
  return closestByEditDistance(lower, fields);
}

function closestByEditDistance(lower: string, fields: readonly string[]): string | undefined {
  const limit = lower.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const field of fields) {
    const distance = editDistance(lower, field.toLowerCase());
    if (distance < bestDistance) {
      best = field;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[rows - 1]![cols - 1]!;
}
