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

export function documentRegions(text: string): Region[] {
  if (spansDocuments(text)) return [{ start: 0, end: text.length }];
  const starts = [0];
  for (let at = text.indexOf('---'); at >= 0; at = text.indexOf('---', at + 3)) {
    if (at > 0 && atLineStart(text, at) && markerEndsAt(text, at + 3)) starts.push(at);
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
}

/*
 * The scans below find what the multiline regular expressions /^---(?=[ \t\r\n]|$)/gm and
 * /^(?:\.\.\.(?=[ \t\r\n]|$)|%)/m find, with `^` and `$` at the same line terminators
 * (LF, CR, U+2028, U+2029), by searching for the marker and looking at its neighbours:
 * the expressions tried every position of the text, a millisecond of every keystroke in a
 * 50,000-line file.
 */

/** Whether a `...` end marker or a `%` directive starts a line. */
function spansDocuments(text: string): boolean {
  for (let at = text.indexOf('%'); at >= 0; at = text.indexOf('%', at + 1)) if (atLineStart(text, at)) return true;
  for (let at = text.indexOf('...'); at >= 0; at = text.indexOf('...', at + 1)) if (atLineStart(text, at) && markerEndsAt(text, at + 3)) return true;
  return false;
}

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

function atLineStart(text: string, at: number): boolean {
  return at === 0 || isLineTerminator(text.charCodeAt(at - 1));
}

/** A marker ends at white space, a line end or the end of the text. */
function markerEndsAt(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  return c === 32 || c === 9 || isLineTerminator(c);
}
