/**
 * The optional "what does this select in the workspace" line. Matching itself
 * belongs to the workspace index; explain only asks, and says nothing without one.
 */
import type { LabelSelector } from '../../../model/types';
import { code } from '../../../analysis/explain/markdown';
import type { ExplainOptions, SelectorScope } from '../../../analysis/explain/types';

const MAX_LISTED = 10;

export function workspaceMatches(options: ExplainOptions, selector: LabelSelector, scope: SelectorScope): string | undefined {
  if (!options.matches) return undefined;
  const names = options.matches(selector, scope);
  if (names === undefined) return undefined;
  if (names.length === 0) {
    const nearest = options.matches.nearest?.(selector, scope);
    return `**In this workspace:** matches nothing${nearest ? `; ${nearest}` : '.'}`;
  }
  const listed = names.slice(0, MAX_LISTED).map(code).join(', ');
  const more = names.length > MAX_LISTED ? ` and ${names.length - MAX_LISTED} more` : '';
  return `**In this workspace:** matches ${listed}${more}.`;
}
