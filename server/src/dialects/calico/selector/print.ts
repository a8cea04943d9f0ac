/**
 * Selector syntax tree -> text.
 *
 * `canonicalSelector` prints exactly what Calico's own `String()` prints (every
 * `&&`/`||` group in parentheses, sets sorted, `"` quotes unless the value holds
 * one), so two selectors that Calico treats as the same print the same.
 * `formatSelector` prints the same expression with only the parentheses that
 * precedence needs, which reads better in hovers and edits.
 */
import type { SelectorNode } from './ast';

export function canonicalSelector(node: SelectorNode): string {
  switch (node.kind) {
    case 'not':
      return `!${canonicalSelector(node.operand)}`;
    case 'and':
    case 'or':
      return `(${node.operands.map(canonicalSelector).join(node.kind === 'and' ? ' && ' : ' || ')})`;
    default:
      return printLeaf(node);
  }
}

export function formatSelector(node: SelectorNode): string {
  return formatWithin(node, 0);
}

/** Binding strength: `||` 1, `&&` 2, `!` and leaves 3. A child weaker than its context gets parentheses. */
function strength(node: SelectorNode): number {
  return node.kind === 'or' ? 1 : node.kind === 'and' ? 2 : 3;
}

function formatWithin(node: SelectorNode, context: number): string {
  const text = formatBare(node);
  return strength(node) < context ? `(${text})` : text;
}

function formatBare(node: SelectorNode): string {
  switch (node.kind) {
    case 'not':
      return `!${formatWithin(node.operand, 3)}`;
    case 'and':
      // A nested group of the same operator keeps its parentheses, so printing and re-parsing gives the same tree.
      return node.operands.map((operand) => formatWithin(operand, operand.kind === 'and' ? 3 : 2)).join(' && ');
    case 'or':
      return node.operands.map((operand) => formatWithin(operand, operand.kind === 'or' ? 2 : 1)).join(' || ');
    default:
      return printLeaf(node);
  }
}

function printLeaf(node: Exclude<SelectorNode, { kind: 'not' | 'and' | 'or' }>): string {
  switch (node.kind) {
    case 'all':
      return 'all()';
    case 'global':
      return 'global()';
    case 'has':
      return `has(${node.key})`;
    case 'compare':
      return `${node.key} ${node.operator} ${quote(node.value)}`;
    case 'set':
      return `${node.key} ${node.operator} {${node.values.map(quote).join(', ')}}`;
  }
}

/** Selector strings have no escapes, so a value holding `"` is written in single quotes. */
export function quote(value: string): string {
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}
