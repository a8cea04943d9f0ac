/**
 * Selector text -> tokens, following the rules of Calico's own tokenizer
 * (libcalico-go lib/selector/tokenizer) so that exactly the same strings are
 * accepted, but keeping every token's position for precise error ranges.
 *
 * The rules that matter, and are easy to get wrong:
 * - Only spaces and tabs separate tokens; a line break is an error.
 * - Label keys are runs of `[a-zA-Z0-9_./-]`, so `projectcalico.org/name` is one key.
 * - Right after a label only an operator may follow; the word operators
 *   (`in`, `not in`, `contains`, `starts with`, `ends with`) are matched as prefixes,
 *   with optional blanks inside `not in` / `starts with` / `ends with`.
 * - `has(`, `all(` and `global(` must be written without a blank before `(`.
 * - Strings are single- or double-quoted, end at the next matching quote and
 *   have no escapes.
 */
import type { LocalSpan, SelectorError } from './ast';

export type TokenKind =
  | 'label'
  | 'string'
  | '{'
  | '}'
  | ','
  | '=='
  | '!='
  | 'in'
  | 'not in'
  | '!'
  | 'contains'
  | 'starts with'
  | 'ends with'
  | 'all'
  | 'global'
  | 'has'
  | '('
  | ')'
  | '&&'
  | '||'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly span: LocalSpan;
  /** The label key (label, has) or the unquoted string (string); empty otherwise. */
  readonly value: string;
  /** Where `value` sits: the key inside `has(...)`, the text inside the quotes. */
  readonly valueSpan: LocalSpan;
}

export type TokenizeResult = { readonly ok: true; readonly tokens: readonly Token[] } | { readonly ok: false; readonly error: SelectorError };

const LABEL_CHAR = /[a-zA-Z0-9_./-]/;
const SINGLE_CHAR_TOKENS: Readonly<Record<string, TokenKind>> = { '(': '(', ')': ')', '{': '{', '}': '}', ',': ',' };
const DOUBLED: Readonly<Record<string, TokenKind>> = { '=': '==', '&': '&&', '|': '||' };

class Scanner {
  pos = 0;
  readonly tokens: Token[] = [];
  constructor(readonly text: string) {}

  skipBlanks(): void {
    while (this.pos < this.text.length && (this.text[this.pos] === ' ' || this.text[this.pos] === '\t')) this.pos++;
  }

  startsWith(word: string): boolean {
    return this.text.startsWith(word, this.pos);
  }

  labelEnd(from: number): number {
    let end = from;
    while (end < this.text.length && LABEL_CHAR.test(this.text[end]!)) end++;
    return end;
  }

  push(kind: TokenKind, start: number, end: number, value = '', valueSpan: LocalSpan = { start, end }): void {
    this.tokens.push({ kind, span: { start, end }, value, valueSpan });
  }

  lastKind(): TokenKind | undefined {
    return this.tokens[this.tokens.length - 1]?.kind;
  }
}

export function tokenize(text: string): TokenizeResult {
  const s = new Scanner(text);
  for (;;) {
    s.skipBlanks();
    if (s.pos >= text.length) {
      s.push('eof', text.length, text.length);
      return { ok: true, tokens: s.tokens };
    }
    const error = scanOne(s);
    if (error) return { ok: false, error };
  }
}

function scanOne(s: Scanner): SelectorError | undefined {
  const c = s.text[s.pos]!;
  const start = s.pos;
  const single = SINGLE_CHAR_TOKENS[c];
  if (single) {
    s.pos++;
    s.push(single, start, s.pos);
    return undefined;
  }
  if (c === '"' || c === "'") return scanString(s, c);
  if (c === '!') {
    const ne = s.text[start + 1] === '=';
    s.pos += ne ? 2 : 1;
    s.push(ne ? '!=' : '!', start, s.pos);
    return undefined;
  }
  const doubled = DOUBLED[c];
  if (doubled) {
    if (s.text[start + 1] !== c) return { message: `Expected "${c}${c}": a single "${c}" is not an operator.`, span: { start, end: start + 1 } };
    s.pos += 2;
    s.push(doubled, start, s.pos);
    return undefined;
  }
  if (s.lastKind() === 'label') return scanOperatorWord(s);
  return scanWord(s);
}

function scanString(s: Scanner, quote: string): SelectorError | undefined {
  const start = s.pos;
  const close = s.text.indexOf(quote, start + 1);
  if (close < 0) {
    const message = `Unterminated string: this ${quote} is never closed (selector strings cannot contain escapes).`;
    return { message, span: { start, end: s.text.length } };
  }
  s.pos = close + 1;
  s.push('string', start, s.pos, s.text.slice(start + 1, close), { start: start + 1, end: close });
  return undefined;
}

/** After a label only an operator may follow; the word operators are matched as prefixes, as Calico does. */
function scanOperatorWord(s: Scanner): SelectorError | undefined {
  const start = s.pos;
  const label = s.tokens[s.tokens.length - 1]!.value;
  if (s.startsWith('contains')) {
    s.pos += 'contains'.length;
    s.push('contains', start, s.pos);
    return undefined;
  }
  for (const [first, kind] of [
    ['starts', 'starts with'],
    ['ends', 'ends with'],
    ['not', 'not in'],
  ] as const) {
    if (!s.startsWith(first)) continue;
    s.pos += first.length;
    s.skipBlanks();
    const second = kind === 'not in' ? 'in' : 'with';
    if (!s.startsWith(second)) {
      return { message: `Expected "${kind}" after label "${label}": "${first}" must be followed by "${second}".`, span: { start, end: start + first.length } };
    }
    s.pos += second.length;
    s.push(kind, start, s.pos);
    return undefined;
  }
  if (s.startsWith('in')) {
    s.pos += 2;
    s.push('in', start, s.pos);
    return undefined;
  }
  const end = Math.max(s.labelEnd(start), start + codePointLength(s.text, start));
  const found = s.text.slice(start, end);
  return { message: `Expected an operator after label "${label}" (==, !=, in, not in, contains, starts with, ends with), found "${found}".`, span: { start, end } };
}

function scanWord(s: Scanner): SelectorError | undefined {
  if (s.startsWith('has(')) return scanHas(s);
  for (const kind of ['all', 'global'] as const) {
    if (s.startsWith(`${kind}(`)) return scanEmptyCall(s, kind);
  }
  const start = s.pos;
  const end = s.labelEnd(start);
  if (end > start) {
    s.pos = end;
    s.push('label', start, end, s.text.slice(start, end));
    return undefined;
  }
  return unexpectedCharacter(s.text, start);
}

function scanHas(s: Scanner): SelectorError | undefined {
  const start = s.pos;
  s.pos += 'has('.length;
  s.skipBlanks();
  const keyStart = s.pos;
  const keyEnd = s.labelEnd(keyStart);
  if (keyEnd === keyStart) return { message: '"has(" needs a label name, as in has(app).', span: { start, end: keyStart } };
  s.pos = keyEnd;
  s.skipBlanks();
  if (s.text[s.pos] !== ')') return { message: 'Missing ")" to close "has(": it takes exactly one label name.', span: { start, end: s.pos } };
  s.pos++;
  s.push('has', start, s.pos, s.text.slice(keyStart, keyEnd), { start: keyStart, end: keyEnd });
  return undefined;
}

function scanEmptyCall(s: Scanner, kind: 'all' | 'global'): SelectorError | undefined {
  const start = s.pos;
  s.pos += kind.length + 1;
  s.skipBlanks();
  if (s.text[s.pos] !== ')') return { message: `Missing ")" after "${kind}(": ${kind}() takes no argument.`, span: { start, end: s.pos } };
  s.pos++;
  s.push(kind, start, s.pos);
  return undefined;
}

function unexpectedCharacter(text: string, at: number): SelectorError {
  const length = codePointLength(text, at);
  const c = text.slice(at, at + length);
  const span = { start: at, end: at + length };
  if (c === '\n' || c === '\r') {
    return { message: 'Unexpected line break: a selector allows only spaces and tabs between its parts (a YAML "|" or ">" block keeps its final line break; use "|-" or ">-").', span };
  }
  if (/[\u2018\u2019\u201c\u201d]/.test(c)) return { message: `Unexpected character "${c}": selector strings need straight quotes (" or ').`, span };
  const shown = /[\p{L}\p{N}\p{P}\p{S}]/u.test(c) ? `"${c}"` : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return { message: `Unexpected character ${shown}: label names may contain only letters, digits, "_", ".", "/" and "-".`, span };
}

function codePointLength(text: string, at: number): number {
  const code = text.codePointAt(at);
  return code !== undefined && code > 0xffff ? 2 : 1;
}
