/**
 * "Did you mean ..." for unknown fields: known slips first (aliases), then the same
 * word in another case (`podselector`), then singular/plural (`matchLabel`,
 * `namespaceSelectors`), then small typos by edit distance.
 *
 * Other dialects keep their own policy (with no aliases, a threshold that grows with
 * the word for enum values); here the schema knows the usual slips, and a fixed, tighter threshold keeps the guesses sure.
 */
import { editDistance } from '../../../core/text/edit-distance';
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
