/**
 * Selector syntax tree -> plain English for hovers, with the AND / OR / NOT
 * structure spelled out as a nested list, e.g. for
 * `!has(my-label) || my-label starts with 'prod' && role in {'frontend','business'}`:
 *
 *     ANY of these:
 *     - does not have label "my-label"
 *     - ALL of these:
 *       - label "my-label" starts with "prod"
 *       - label "role" is one of "business", "frontend"
 *
 * The phrases say where Calico's semantics surprise: `!=` and `not in` also
 * match when the label is missing, the other comparisons need the label.
 */
import type { CompareNode, SelectorNode, SetNode } from './ast';
import { quote } from './print';

/** The English text: one line for a single condition, a nested `- ` list otherwise. */
export function selectorToEnglish(node: SelectorNode): string {
  return englishLines(node).join('\n');
}

export function englishLines(node: SelectorNode): string[] {
  const header = groupHeader(node);
  if (!header) return [phrase(node)];
  return [header.title, ...header.items.flatMap((item) => indentItem(englishLines(item)))];
}

interface Group {
  readonly title: string;
  readonly items: readonly SelectorNode[];
}

function groupHeader(node: SelectorNode): Group | undefined {
  if (node.kind === 'and') return { title: 'ALL of these:', items: node.operands };
  if (node.kind === 'or') return { title: 'ANY of these:', items: node.operands };
  if (node.kind === 'not' && node.operand.kind === 'and') return { title: 'NOT ALL of these:', items: node.operand.operands };
  if (node.kind === 'not' && node.operand.kind === 'or') return { title: 'NONE of these:', items: node.operand.operands };
  return undefined;
}

/** The first line of an item gets the bullet; the lines under it are indented to line up. */
function indentItem(lines: readonly string[]): string[] {
  return lines.map((line, index) => (index === 0 ? `- ${line}` : `  ${line}`));
}

function phrase(node: SelectorNode): string {
  switch (node.kind) {
    case 'all':
      return 'everything in scope (all())';
    case 'global':
      return 'non-namespaced resources: global network sets and host endpoints (global())';
    case 'has':
      return `has label "${node.key}" (any value)`;
    case 'compare':
      return comparePhrase(node, false);
    case 'set':
      return setPhrase(node, false);
    case 'not':
      return negatedPhrase(node.operand);
    default:
      // Groups never reach here: englishLines lists them.
      return '';
  }
}

function negatedPhrase(node: SelectorNode): string {
  switch (node.kind) {
    case 'all':
      return 'nothing (!all())';
    case 'global':
      return 'not global()';
    case 'has':
      return `does not have label "${node.key}"`;
    case 'compare':
      return comparePhrase(node, true);
    case 'set':
      return setPhrase(node, true);
    default:
      return phrase(node);
  }
}

const COMPARE_WORDS: Readonly<Record<CompareNode['operator'], readonly [string, string]>> = {
  '==': ['is', 'is not'],
  '!=': ['is not', 'is'],
  contains: ['contains', 'does not contain'],
  'starts with': ['starts with', 'does not start with'],
  'ends with': ['ends with', 'does not end with'],
};

/** A negated comparison, and `!=` itself, also hold when the label is missing; `!(k != v)` needs it. */
function comparePhrase(node: CompareNode, negated: boolean): string {
  const [positive, negative] = COMPARE_WORDS[node.operator];
  const matchesMissing = (node.operator === '!=') !== negated;
  const text = `label "${node.key}" ${negated ? negative : positive} ${quote(node.value)}`;
  return matchesMissing ? `${text} (or the label is missing)` : text;
}

function setPhrase(node: SetNode, negated: boolean): string {
  const inSet = (node.operator === 'in') !== negated;
  if (node.values.length === 0) return inSet ? `nothing (label "${node.key}" in an empty set)` : `everything in scope (label "${node.key}" not in an empty set)`;
  const list = node.values.map(quote).join(', ');
  if (inSet) return node.values.length === 1 ? `label "${node.key}" is ${list}` : `label "${node.key}" is one of ${list}`;
  const words = node.values.length === 1 ? `is not ${list}` : `is none of ${list}`;
  return `label "${node.key}" ${words} (or the label is missing)`;
}
