/**
 * The outline of a file: each policy of every dialect (its SymbolHooks), with its
 * rules as children and each rule's peers under it, labelled in words, in file order.
 * Pure; the symbols service turns the spans into ranges.
 */
import { DIALECTS } from '../../dialects/registry';
import type { FileAnalysis } from '../file-analysis';
import type { SymbolNode } from './symbol-hooks';

export type { SymbolNode, SymbolRole } from './symbol-hooks';

export function documentSymbols(analysis: FileAnalysis): SymbolNode[] {
  if (!analysis.relevant) return [];
  const nodes = DIALECTS.flatMap((dialect) => dialect.readingOf(analysis).map((policy) => dialect.symbols.outline(policy)));
  return nodes.sort((a, b) => a.span.start - b.span.start);
}
