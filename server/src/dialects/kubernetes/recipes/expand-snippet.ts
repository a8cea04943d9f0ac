/**
 * Expands an LSP/VS Code snippet the way an editor would if the user pressed Tab
 * through every placeholder: each takes its default (the first choice of a
 * choice list), mirrors repeat it, and `$0` disappears. Tests use it to check
 * that every recipe is a valid policy as inserted.
 */

export function expandSnippet(snippet: string): string {
  const values = new Map<string, string>();
  return expandFrom(snippet, 0, values, undefined).text;
}

interface Expanded {
  readonly text: string;
  /** Index just past what was read. */
  readonly end: number;
}

/** Reads until the end, or until an unescaped `}` when inside a placeholder (`closing`). */
function expandFrom(s: string, start: number, values: Map<string, string>, closing: '}' | undefined): Expanded {
  let out = '';
  let i = start;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && '$}\\'.includes(s[i + 1]!)) {
      out += s[i + 1];
      i += 2;
    } else if (c === '}' && closing) {
      return { text: out, end: i + 1 };
    } else if (c === '$') {
      const read = placeholder(s, i, values);
      out += read.text;
      i = read.end;
    } else {
      out += c;
      i++;
    }
  }
  return { text: out, end: i };
}

function placeholder(s: string, at: number, values: Map<string, string>): Expanded {
  const bare = /^\$(\d+)/.exec(s.slice(at));
  if (bare) return { text: values.get(bare[1]!) ?? '', end: at + bare[0].length };
  const open = /^\$\{(\d+)([:|}])/.exec(s.slice(at));
  if (!open) return { text: '$', end: at + 1 };
  const stop = open[1]!;
  const after = at + open[0].length;
  if (open[2] === '}') return { text: values.get(stop) ?? '', end: after };
  if (open[2] === ':') {
    const inner = expandFrom(s, after, values, '}');
    if (!values.has(stop)) values.set(stop, inner.text);
    return { text: inner.text, end: inner.end };
  }
  const choices = readChoices(s, after);
  const value = choices.values[0] ?? '';
  if (!values.has(stop)) values.set(stop, value);
  return { text: value, end: choices.end };
}

/** `a,b\,c|}` -> ["a", "b,c"], reading up to and including the closing `|}`. */
function readChoices(s: string, start: number): { values: string[]; end: number } {
  const values: string[] = [];
  let current = '';
  for (let i = start; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      current += s[++i];
    } else if (c === ',') {
      values.push(current);
      current = '';
    } else if (c === '|' && s[i + 1] === '}') {
      values.push(current);
      return { values, end: i + 2 };
    } else current += c;
  }
  values.push(current);
  return { values, end: s.length };
}
