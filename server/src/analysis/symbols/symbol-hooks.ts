/** What the outline (document-symbols.ts) and Go to Symbol in Workspace ask of each dialect. */
import type { Span, YNode } from '../../core/parse/yaml-tree';

export type SymbolRole = 'policy' | 'rule' | 'peer';

export interface SymbolNode {
  readonly name: string;
  readonly detail?: string;
  readonly role: SymbolRole;
  /** The whole thing. */
  readonly span: Span;
  /** What to reveal when the symbol is picked (its name, or its first key); inside `span`. */
  readonly selection: Span;
  readonly children: readonly SymbolNode[];
}

/** What the outline and Go to Symbol in Workspace ask of each dialect. */
export interface SymbolHooks<P> {
  /** One policy's outline node: its name, a detail line, its rules and their peers as children. */
  outline(policy: P): SymbolNode;
  /** How Go to Symbol in Workspace lists the policy: `namespace/name`, and what it is (`NetworkPolicy`). */
  workspaceEntry(policy: P): { readonly name: string; readonly container: string };
}

/** The span of the first key of a map (what a rule or peer item starts with), to reveal when it is picked. */
export function firstKey(node: YNode): Span | undefined {
  return node.kind === 'map' && node.items.length > 0 ? node.items[0]!.key.span : undefined;
}
