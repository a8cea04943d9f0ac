/**
 * Splits a file's text into the regions of its documents, so each `---` document
 * can be parsed (and, after an edit, re-parsed) on its own.
 *
 * A line that starts with `---` followed by white space or the end of the line is
 * a document marker in every YAML context (block scalars and quoted strings end
 * there too), so splitting at such lines gives the same documents as parsing the
 * whole text. Files with `...` end markers or `%` directives, whose meaning spans
 * documents, are kept whole.
 */

export interface Region {
  readonly start: number;
  readonly end: number;
}

const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;
const SPANS_DOCUMENTS = /^(?:\.\.\.(?=[ \t\r\n]|$)|%)/m;

export function documentRegions(text: string): Region[] {
  if (SPANS_DOCUMENTS.test(text)) return [{ start: 0, end: text.length }];
  const starts = [0];
  for (const match of text.matchAll(DOCUMENT_START)) {
    if (match.index > 0) starts.push(match.index);
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
}
