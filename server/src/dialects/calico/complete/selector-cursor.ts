/**
 * Where the cursor is inside a Calico selector expression that is still being
 * typed (and so often not yet valid): at a label, after a label (an operator is
 * next), at a value (after `==`, inside `in {...}`, or inside a quoted literal),
 * inside `has(...)`, or after a complete term (`&&` / `||` is next).
 */
import type { Span } from '../../../core/parse/yaml-tree';

export type SelectorSlot =
  | { readonly kind: 'label'; readonly partial: string; readonly start: number; readonly inHas: boolean }
  | { readonly kind: 'operator'; readonly label: string }
  /** `literal`: the cursor is inside an open quoted literal (insert the bare value). */
  | { readonly kind: 'value'; readonly label: string; readonly partial: string; readonly start: number; readonly literal?: '"' | "'" }
  | { readonly kind: 'logical' };

const LABEL = '[A-Za-z0-9_./-]';
const COMPARE = '(?:==|!=|contains|starts[ \\t]*with|ends[ \\t]*with)';
const OPEN_TERM = `(?:^|[(!]|&&|\\|\\|)[ \\t]*`;

/** `before` is the selector text up to the cursor. Offsets in the result are into that text. */
export function selectorSlot(before: string): SelectorSlot | undefined {
  const literal = openLiteral(before);
  if (literal) {
    const head = before.slice(0, literal.at);
    const label = valueLabel(head);
    return label === undefined ? undefined : { kind: 'value', label, partial: before.slice(literal.at + 1), start: literal.at + 1, literal: literal.quote };
  }
  const has = new RegExp(`has\\([ \\t]*(${LABEL}*)$`).exec(before);
  if (has) return { kind: 'label', partial: has[1]!, start: before.length - has[1]!.length, inHas: true };
  const valueLabelHere = valueLabel(before);
  if (valueLabelHere !== undefined) return { kind: 'value', label: valueLabelHere, partial: '', start: before.length };
  const afterLabel = new RegExp(`${OPEN_TERM}(${LABEL}+)[ \\t]+$`).exec(before);
  if (afterLabel && !/^(?:in|not|contains|starts|ends|with)$/.test(afterLabel[1]!)) return { kind: 'operator', label: afterLabel[1]! };
  const label = new RegExp(`${OPEN_TERM}(${LABEL}*)$`).exec(before);
  if (label) return { kind: 'label', partial: label[1]!, start: before.length - label[1]!.length, inHas: false };
  if (/[)'"}][ \t]+$/.test(before)) return { kind: 'logical' };
  return undefined;
}

/** The label whose value comes next: after `label ==` (and friends), or inside `label in {...`. */
function valueLabel(head: string): string | undefined {
  const compare = new RegExp(`(${LABEL}+)[ \\t]*${COMPARE}[ \\t]*$`).exec(head);
  if (compare) return compare[1]!;
  const set = new RegExp(`(${LABEL}+)[ \\t]*(?:not[ \\t]*)?in[ \\t]*\\{([^}]*)$`).exec(head);
  if (set && /(^|,)[ \t]*$/.test(set[2]!)) return set[1]!;
  return undefined;
}

/** An unclosed quoted literal at the end of `text` (selector literals have no escapes). */
function openLiteral(text: string): { at: number; quote: '"' | "'" } | undefined {
  let open: { at: number; quote: '"' | "'" } | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (open) {
      if (c === open.quote) open = undefined;
    } else if (c === '"' || c === "'") open = { at: i, quote: c };
  }
  return open;
}

/** The end of the word (or literal) that starts at the cursor, in `after` (the text after the cursor). */
export function wordEnd(after: string, literal: '"' | "'" | undefined): number {
  if (literal) {
    const close = after.indexOf(literal);
    return close < 0 ? after.length : close;
  }
  return new RegExp(`^${LABEL}*`).exec(after)![0].length;
}

export type { Span };
