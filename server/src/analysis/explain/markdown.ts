/**
 * Small Markdown and wording helpers shared by the explain-*.ts files, so that
 * every hover spells AND/OR, code spans and counts the same way.
 */

/**
 * A Markdown code span. Label values may hold backticks, so the fence is one
 * longer than the longest backtick run inside, padded when the text touches it.
 */
export function code(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block whose fence cannot be closed early by the content. */
export function codeBlock(text: string, language = 'text'): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

/** `a AND b AND c`: capitals, because the difference between AND and OR is the point. */
export function joinAnd(items: readonly string[]): string {
  return items.join(' AND ');
}

/** `a OR b OR c`. */
export function joinOr(items: readonly string[]): string {
  return items.join(' OR ');
}

/** `a`, `a or b`, `a, b or c`: lower-case, for alternatives inside one requirement. */
export function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** One item as is; several as `EITHER (1) a OR (2) b`, so the alternatives cannot be misread. */
export function eitherOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `EITHER ${items.map((item, i) => `(${i + 1}) ${item}`).join(' OR ')}`;
}

/** `1 rule`, `2 rules`. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** An integer with thousands separators, independent of the machine's locale. */
export function formatInteger(value: bigint | number): string {
  const text = BigInt(value).toString();
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${grouped}` : grouped;
}

/** Capitalises the first letter, for phrases that start a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Paragraphs joined by blank lines; empty parts are dropped. */
export function paragraphs(parts: readonly (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}

/** A Markdown bullet list. */
export function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}
