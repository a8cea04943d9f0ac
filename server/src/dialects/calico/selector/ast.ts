/**
 * The syntax tree of a Calico selector expression (projectcalico.org/v3 `selector`,
 * `namespaceSelector`, `serviceAccountSelector`, `notSelector`, ...).
 *
 * Every node keeps its span as offsets into the selector string itself (not the
 * file): the model maps them onto the YAML scalar, whose quoting and line folding
 * make the two differ.
 */

/** A half-open range `[start, end)` of UTF-16 offsets into the selector string. */
export interface LocalSpan {
  readonly start: number;
  readonly end: number;
}

/** The binary label operators that compare a label's value with one string. */
export type CompareOperator = '==' | '!=' | 'contains' | 'starts with' | 'ends with';

export type SetOperator = 'in' | 'not in';

export type SelectorNode = AllNode | GlobalNode | HasNode | CompareNode | SetNode | NotNode | AndNode | OrNode;

/** `all()`, and also what an empty (or all-blank) selector means. */
export interface AllNode {
  readonly kind: 'all';
  readonly span: LocalSpan;
}

/** `global()`: the non-namespaced resources (global network sets, host endpoints). */
export interface GlobalNode {
  readonly kind: 'global';
  readonly span: LocalSpan;
}

/** `has(key)`. */
export interface HasNode {
  readonly kind: 'has';
  readonly span: LocalSpan;
  readonly key: string;
  readonly keySpan: LocalSpan;
}

/** `key == "v"`, `key != "v"`, `key contains "v"`, `key starts with "v"`, `key ends with "v"`. */
export interface CompareNode {
  readonly kind: 'compare';
  readonly span: LocalSpan;
  readonly operator: CompareOperator;
  readonly key: string;
  readonly keySpan: LocalSpan;
  readonly value: string;
  /** The string literal, quotes included. */
  readonly valueSpan: LocalSpan;
}

/** `key in {"a", "b"}` and `key not in {...}`. */
export interface SetNode {
  readonly kind: 'set';
  readonly span: LocalSpan;
  readonly operator: SetOperator;
  readonly key: string;
  readonly keySpan: LocalSpan;
  /** Sorted and de-duplicated, as Calico stores a set (so printing is canonical). */
  readonly values: readonly string[];
  /** The `{...}` literal, braces included. */
  readonly valuesSpan: LocalSpan;
}

/** `!expr`. Calico folds a run of `!` into one negation or none, and so does the parser. */
export interface NotNode {
  readonly kind: 'not';
  readonly span: LocalSpan;
  readonly operand: SelectorNode;
}

/** `a && b && c`: always two or more operands. */
export interface AndNode {
  readonly kind: 'and';
  readonly span: LocalSpan;
  readonly operands: readonly SelectorNode[];
}

/** `a || b || c`: always two or more operands. */
export interface OrNode {
  readonly kind: 'or';
  readonly span: LocalSpan;
  readonly operands: readonly SelectorNode[];
}

/** A syntax error, with the range of the selector text to blame. */
export interface SelectorError {
  readonly message: string;
  readonly span: LocalSpan;
}

export type SelectorParse =
  | {
      readonly ok: true;
      readonly ast: SelectorNode;
      /** True when the text was empty or blank, which Calico reads as `all()`. */
      readonly empty: boolean;
    }
  | { readonly ok: false; readonly error: SelectorError };
