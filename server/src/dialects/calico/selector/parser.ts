/**
 * Tokens -> selector syntax tree, with Calico's precedence: `!` binds tighter
 * than `&&`, which binds tighter than `||`; parentheses group. An empty or blank
 * selector means `all()`. Broken input is data: the result carries an error with
 * the range to blame, and nothing throws.
 */
import type { AndNode, CompareOperator, LocalSpan, OrNode, SelectorError, SelectorNode, SelectorParse, SetOperator } from './ast';
import { tokenize, type Token, type TokenKind } from './tokenizer';

/** Deeper nesting than this is surely a mistake, and would only risk the stack. */
const MAX_DEPTH = 100;

const COMPARE_OPERATORS: ReadonlySet<TokenKind> = new Set(['==', '!=', 'contains', 'starts with', 'ends with']);
const START_HINT = 'expected a label, has(...), all(), global(), "!" or "("';

class ParseFailure {
  constructor(readonly error: SelectorError) {}
}

export function parseSelector(text: string): SelectorParse {
  const tokenized = tokenize(text);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.tokens;
  if (tokens[0]!.kind === 'eof') return { ok: true, ast: { kind: 'all', span: { start: 0, end: text.length } }, empty: true };
  const parser = new Parser(tokens);
  const result = parser.run();
  if (result instanceof ParseFailure) return { ok: false, error: result.error };
  return { ok: true, ast: result, empty: false };
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  run(): SelectorNode | ParseFailure {
    const node = this.orExpression();
    if (node instanceof ParseFailure) return node;
    const rest = this.peek();
    if (rest.kind !== 'eof') {
      return this.fail(`Unexpected ${describe(rest, false)} after a complete expression: join expressions with "&&" or "||".`, rest.span);
    }
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private previous(): Token | undefined {
    return this.index > 0 ? this.tokens[this.index - 1] : undefined;
  }

  private fail(message: string, span: LocalSpan): ParseFailure {
    return new ParseFailure({ message, span });
  }

  private orExpression(): SelectorNode | ParseFailure {
    return this.list('||', () => this.andExpression(), (operands, span): OrNode => ({ kind: 'or', operands, span }));
  }

  private andExpression(): SelectorNode | ParseFailure {
    return this.list('&&', () => this.operation(), (operands, span): AndNode => ({ kind: 'and', operands, span }));
  }

  /** One or more operands separated by `separator`; a single operand is returned as it is. */
  private list(separator: '||' | '&&', operand: () => SelectorNode | ParseFailure, build: (operands: SelectorNode[], span: LocalSpan) => SelectorNode): SelectorNode | ParseFailure {
    const first = operand();
    if (first instanceof ParseFailure) return first;
    const operands = [first];
    while (this.peek().kind === separator) {
      this.next();
      const item = operand();
      if (item instanceof ParseFailure) return item;
      operands.push(item);
    }
    if (operands.length === 1) return first;
    return build(operands, { start: first.span.start, end: operands[operands.length - 1]!.span.end });
  }

  /** A possibly negated operation: Calico folds any run of `!` into one negation or none. */
  private operation(): SelectorNode | ParseFailure {
    const start = this.peek().span.start;
    let negated = false;
    while (this.peek().kind === '!') {
      this.next();
      negated = !negated;
    }
    const node = this.positive();
    if (node instanceof ParseFailure || !negated) return node;
    return { kind: 'not', operand: node, span: { start, end: node.span.end } };
  }

  private positive(): SelectorNode | ParseFailure {
    const token = this.next();
    switch (token.kind) {
      case 'all':
      case 'global':
        return { kind: token.kind, span: token.span };
      case 'has':
        return { kind: 'has', key: token.value, keySpan: token.valueSpan, span: token.span };
      case 'label':
        return this.labelOperation(token);
      case '(':
        return this.parenthesized(token);
      case 'eof':
        return this.endedEarly(token);
      default:
        return this.fail(`Unexpected ${describe(token, false)}: ${START_HINT}.`, token.span);
    }
  }

  private endedEarly(eof: Token): ParseFailure {
    const before = this.previous();
    if (!before) return this.fail(`The selector is empty: ${START_HINT}.`, eof.span);
    return this.fail(`The selector ends after ${describe(before)}: ${START_HINT}.`, before.span);
  }

  private parenthesized(open: Token): SelectorNode | ParseFailure {
    if (++this.depth > MAX_DEPTH) return this.fail(`Parentheses are nested more than ${MAX_DEPTH} deep.`, open.span);
    const inner = this.orExpression();
    this.depth--;
    if (inner instanceof ParseFailure) return inner;
    const close = this.peek();
    if (close.kind !== ')') {
      const span = close.kind === 'eof' ? open.span : close.span;
      return this.fail(`Expected ")" to close the "(" at column ${open.span.start + 1}, found ${describe(close)}.`, span);
    }
    this.next();
    // The group's span includes its parentheses, so a hover or error range covers what the user wrote.
    return { ...inner, span: { start: open.span.start, end: close.span.end } };
  }

  private labelOperation(label: Token): SelectorNode | ParseFailure {
    const operator = this.next();
    if (COMPARE_OPERATORS.has(operator.kind)) return this.comparison(label, operator);
    if (operator.kind === 'in' || operator.kind === 'not in') return this.setOperation(label, operator);
    const span = operator.kind === 'eof' ? label.span : operator.span;
    if (operator.kind === '(' && ['has', 'all', 'global'].includes(label.value)) {
      return this.fail(`Write "${label.value}(" with no space before "(".`, { start: label.span.start, end: operator.span.end });
    }
    return this.fail(`Expected an operator after label "${label.value}" (==, !=, in, not in, contains, starts with, ends with), found ${describe(operator)}.`, span);
  }

  private comparison(label: Token, operator: Token): SelectorNode | ParseFailure {
    const value = this.next();
    if (value.kind !== 'string') return this.expectedString(operator, value);
    return {
      kind: 'compare',
      operator: operator.kind as CompareOperator,
      key: label.value,
      keySpan: label.span,
      value: value.value,
      valueSpan: value.span,
      span: { start: label.span.start, end: value.span.end },
    };
  }

  private expectedString(operator: Token, found: Token): ParseFailure {
    const hint = found.kind === 'label' ? `; values must be quoted, as in "${found.value}"` : '';
    const span = found.kind === 'eof' ? operator.span : found.span;
    return this.fail(`Expected a quoted string after "${operator.kind}", found ${describe(found)}${hint}.`, span);
  }

  private setOperation(label: Token, operator: Token): SelectorNode | ParseFailure {
    const open = this.next();
    if (open.kind !== '{') {
      const span = open.kind === 'eof' ? operator.span : open.span;
      return this.fail(`Expected a set such as {"a", "b"} after "${operator.kind}", found ${describe(open)}.`, span);
    }
    const values: string[] = [];
    // As in Calico: strings separated by commas, where a trailing comma is allowed and the set may be empty.
    while (this.peek().kind === 'string') {
      values.push(this.next().value);
      if (this.peek().kind !== ',') break;
      this.next();
    }
    const close = this.peek();
    if (close.kind !== '}') {
      const span = close.kind === 'eof' ? open.span : close.span;
      return this.fail(`Expected "}" or a quoted string in the set, found ${describe(close)}.`, span);
    }
    this.next();
    return {
      kind: 'set',
      operator: operator.kind as SetOperator,
      key: label.value,
      keySpan: label.span,
      values: sortedUnique(values),
      valuesSpan: { start: open.span.start, end: close.span.end },
      span: { start: label.span.start, end: close.span.end },
    };
  }
}

/** How messages name a token; `found the string "x"` reads with the article, `Unexpected string "x"` without. */
function describe(token: Token, article = true): string {
  switch (token.kind) {
    case 'eof':
      return 'the end of the selector';
    case 'label':
      return `label "${token.value}"`;
    case 'string':
      return `${article ? 'the ' : ''}string ${quoteFor(token.value)}${token.value}${quoteFor(token.value)}`;
    case 'has':
      return `has(${token.value})`;
    case 'all':
    case 'global':
      return `${token.kind}()`;
    default:
      return `"${token.kind}"`;
  }
}

function quoteFor(value: string): string {
  return value.includes('"') ? "'" : '"';
}

/** Calico keeps set members sorted by byte value; comparing code points gives the same order. */
function sortedUnique(values: readonly string[]): string[] {
  const sorted = [...new Set(values)].sort(compareCodePoints);
  return sorted;
}

function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
