/**
 * Questions about what selectors can match, answered by trying every label set
 * that could make a difference: for each key the selectors mention, the key
 * missing, each value they compare it with, and one value none of them mentions.
 * For `==`, `!=`, `in`, `not in`, `has`, `all()` and their AND/OR/NOT, no other
 * label set behaves differently, so the answers are exact.
 *
 * `contains`, `starts with` and `ends with` make the values that matter too many
 * to try; then a found example still counts (it is a real label set), but "no
 * example" is only "unsure". Every answer is three-valued for that reason, and
 * callers only claim what is `true`.
 *
 *   implies([a], b)        every endpoint a matches, b matches too
 *   satisfiable([a, b])    some endpoint matches both
 */
import type { SelectorNode } from './ast';
import { evaluateSelector } from './evaluate';

export type Answer = boolean | undefined;

/** A selector, or its negation: a literal of the questions below. */
export interface Literal {
  readonly node: SelectorNode;
  readonly negated?: boolean;
}

/** Label sets tried at most; beyond, the answer is "unsure". */
const MAX_CASES = 20_000;
/** A value no selector mentions: no key's value can start or end with a control character in practice. */
const FRESH = '\u0001';

export function implies(premises: readonly SelectorNode[], conclusion: SelectorNode): Answer {
  const example = memoized([...premises.map((node) => ({ node })), { node: conclusion, negated: true }]);
  return example === undefined ? undefined : !example;
}

export function satisfiable(literals: readonly Literal[]): Answer {
  return memoized(literals);
}

/**
 * Answers by the identity of the nodes asked about: the ordering checks ask the
 * same questions about the same selectors for every pair of policies.
 */
const NODE_IDS = new WeakMap<SelectorNode, number>();
let nextId = 1;
const ANSWERS = new Map<string, Answer>();
const MAX_ANSWERS = 100_000;

function idOf(node: SelectorNode): number {
  let id = NODE_IDS.get(node);
  if (id === undefined) {
    id = nextId++;
    NODE_IDS.set(node, id);
  }
  return id;
}

function memoized(literals: readonly Literal[]): Answer {
  const key = literals.map((l) => `${l.negated ? '!' : ''}${idOf(l.node)}`).join(',');
  if (ANSWERS.has(key)) return ANSWERS.get(key);
  if (ANSWERS.size >= MAX_ANSWERS) ANSWERS.clear();
  const answer = findExample(literals);
  ANSWERS.set(key, answer);
  return answer;
}

/** true: a label set satisfies every literal; false: none can; undefined: none found, but one might exist. */
function findExample(literals: readonly Literal[]): Answer {
  const domain = new Map<string, Set<string>>();
  let exact = true;
  for (const { node } of literals) exact = collect(node, domain) && exact;
  const keys = [...domain.keys()].sort();
  const choices = keys.map((key) => [undefined, ...[...domain.get(key)!].sort(), FRESH]);
  const cases = choices.reduce((n, values) => n * values.length, 1);
  if (cases > MAX_CASES) return undefined;
  const labels = new Map<string, string>();
  const holds = (): boolean => literals.every(({ node, negated }) => evaluateSelector(node, labels) !== (negated === true));
  const search = (i: number): boolean => {
    if (i === keys.length) return holds();
    for (const value of choices[i]!) {
      if (value === undefined) labels.delete(keys[i]!);
      else labels.set(keys[i]!, value);
      if (search(i + 1)) return true;
    }
    labels.delete(keys[i]!);
    return false;
  };
  if (search(0)) return true;
  return exact ? false : undefined;
}

/** Adds the node's keys and values to the domain; false when an operator makes the domain incomplete. */
function collect(node: SelectorNode, domain: Map<string, Set<string>>): boolean {
  const values = (key: string): Set<string> => {
    let set = domain.get(key);
    if (!set) {
      set = new Set();
      domain.set(key, set);
    }
    return set;
  };
  switch (node.kind) {
    case 'all':
    case 'global':
      return true;
    case 'has':
      values(node.key);
      return true;
    case 'compare':
      values(node.key).add(node.value);
      // The literal itself, and the fresh value, are examples; but other strings can behave differently.
      return node.operator === '==' || node.operator === '!=';
    case 'set':
      for (const v of node.values) values(node.key).add(v);
      return true;
    case 'not':
      return collect(node.operand, domain);
    case 'and':
    case 'or':
      return node.operands.map((operand) => collect(operand, domain)).every(Boolean);
  }
}
