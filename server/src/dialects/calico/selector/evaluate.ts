/**
 * Evaluates a selector against one label set, with Calico's semantics:
 * - `k == v`, `k in {...}`, `contains`, `starts with`, `ends with` and `has(k)` need the label;
 * - `k != v` and `k not in {...}` also match when the label is absent;
 * - `all()` matches everything in scope, and so does `global()` here: the scope
 *   question that `global()` answers (namespaced or not) belongs to the caller,
 *   which knows what kind of resource it is matching.
 */
import type { SelectorNode } from './ast';

export type Labels = ReadonlyMap<string, string>;

export function evaluateSelector(node: SelectorNode, labels: Labels): boolean {
  switch (node.kind) {
    case 'all':
    case 'global':
      return true;
    case 'has':
      return labels.has(node.key);
    case 'compare':
      return compare(node.operator, labels.get(node.key), node.value);
    case 'set': {
      const value = labels.get(node.key);
      const member = value !== undefined && node.values.includes(value);
      return node.operator === 'in' ? member : !member;
    }
    case 'not':
      return !evaluateSelector(node.operand, labels);
    case 'and':
      return node.operands.every((operand) => evaluateSelector(operand, labels));
    case 'or':
      return node.operands.some((operand) => evaluateSelector(operand, labels));
  }
}

function compare(operator: string, actual: string | undefined, expected: string): boolean {
  if (actual === undefined) return operator === '!=';
  switch (operator) {
    case '==':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case 'contains':
      return actual.includes(expected);
    case 'starts with':
      return actual.startsWith(expected);
    default:
      return actual.endsWith(expected);
  }
}

