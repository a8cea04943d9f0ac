/**
 * Selector expressions: syntax errors at their exact range inside the YAML
 * scalar, `global()` where Calico does not allow it, and the YAML trap of an
 * unquoted selector starting with `!`, which YAML reads as a tag.
 */
import type { Finding } from '../../../core/finding';
import type { SelectorNode } from '../selector/ast';
import { selectorSpanToFile } from '../model/read-selector';
import { policySelectors, type PlacedSelector } from '../model/selectors';
import type { CalicoPolicy } from '../model/types';
import { reporter, type CalicoCheck, type CalicoCheckContext, type Report } from './check';

export const selectorCheck: CalicoCheck = {
  id: 'selectors',
  run(policy: CalicoPolicy, context: CalicoCheckContext): Finding[] {
    const report = reporter(policy);
    return policySelectors(policy).flatMap((placed) => checkSelector(placed, context.file.text, report));
  },
};

function checkSelector(placed: PlacedSelector, text: string, report: Report): Finding[] {
  const { selector, path } = placed;
  const tagged = yamlTagTrap(placed, text, report);
  if (tagged) return [tagged];
  if (!selector.parse.ok) {
    const { error } = selector.parse;
    const span = selectorSpanToFile(selector, error.span);
    return [report('calico/selector-syntax', 'error', `Invalid selector: ${error.message}`, span, { path, selector: selector.text })];
  }
  return globalPlacement(placed, selector.parse.ast, report);
}

/**
 * `selector: !has(x)` is a YAML tag with an empty value (so the selector is empty
 * and selects everything), and `selector: ! has(x)` is an empty tag in front of
 * `has(x)` (so the negation silently disappears). Both need quotes.
 */
function yamlTagTrap(placed: PlacedSelector, text: string, report: Report): Finding | undefined {
  const { selector, path } = placed;
  if (selector.scalar?.style !== 'plain') return undefined;
  let end = selector.span.start;
  while (end > selector.keySpan.end && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let start = end;
  while (start > selector.keySpan.end && !/\s/.test(text[start - 1]!)) start--;
  const tag = text.slice(start, end);
  if (!/^!(?![!<])/.test(tag)) return undefined;
  const written = text.slice(start, selector.span.end);
  const replacement = written.includes("'") ? `"${written}"` : `'${written}'`;
  const meaning = selector.text.trim() === '' ? 'so this selector is empty and selects everything (all())' : `so this selector reads as "${selector.text}", without its negation`;
  const message = `YAML reads the unquoted "${tag}" as a tag, not as part of the selector, ${meaning}. Quote the selector: ${replacement}`;
  return report('calico/selector-yaml-tag', 'error', message, { start, end: selector.span.end }, { path, replacement });
}

/** `global()` belongs only in a source or destination `namespaceSelector`, and alone there. */
function globalPlacement(placed: PlacedSelector, ast: SelectorNode, report: Report): Finding[] {
  const { selector, path } = placed;
  const globals = findGlobals(ast);
  if (globals.length === 0) return [];
  if (selector.role !== 'entity-namespace-selector') {
    const message = 'global() can only be used in the namespaceSelector of a rule\'s source or destination, where it selects non-namespaced resources (global network sets, host endpoints).';
    return globals.map((node) => report('calico/global-selector-misplaced', 'error', message, selectorSpanToFile(selector, node.span), { path }));
  }
  if (/^[ \t]*global\([ \t]*\)[ \t]*$/.test(selector.text)) return [];
  const message = 'global() cannot be combined with other expressions: write namespaceSelector: global() on its own, and select within it with "selector".';
  return [report('calico/global-selector-misplaced', 'error', message, selectorSpanToFile(selector, globals[0]!.span), { path })];
}

function findGlobals(node: SelectorNode): SelectorNode[] {
  switch (node.kind) {
    case 'global':
      return [node];
    case 'not':
      return findGlobals(node.operand);
    case 'and':
    case 'or':
      return node.operands.flatMap(findGlobals);
    default:
      return [];
  }
}
