/**
 * The completion entry point: a file's analysis, a cursor offset and the
 * workspace's Universe in, completion candidates out, in the order to show them.
 *
 *   completeAt(analysis, offset, universe)  // [] when there is nothing useful to offer
 *
 * The dialect whose policy the cursor is in answers (its CompletionHooks); in an
 * empty document every dialect may offer a whole new policy. Work is bounded by the
 * object being edited: the cursor's place is read from the lines around it, and
 * workspace labels come from precomputed statistics.
 */
import { detectStyle } from '../fixes/yaml-style';
import type { FileAnalysis } from '../file-analysis';
import type { Universe } from '../navigate/universe';
import { DIALECTS } from '../../dialects/registry';
import { finish, type CompletionCandidate } from './candidate';
import type { CompletionSite } from './completion-hooks';
import { documentContext } from './document-context';
import { cursorPlace } from './yaml-cursor';
import type { PolicyObject } from '../file-analysis';

export type { CompletionCandidate } from './candidate';

/** Labels every namespace carries from its name, by the dialects that set one. */
export const NAMESPACE_NAME_LABELS: ReadonlySet<string> = new Set(DIALECTS.flatMap((dialect) => (dialect.namespaceNameLabel ? [dialect.namespaceNameLabel] : [])));

export function completeAt(analysis: FileAnalysis, offset: number, universe: Universe | undefined): CompletionCandidate[] {
  const text = analysis.parsed.text;
  const context = documentContext(analysis, offset);
  const place = context ? cursorPlace(text, offset) : undefined;
  if (!context || !place) return [];
  const style = detectStyle({ text, documents: [context.doc] });
  const site: CompletionSite<PolicyObject> = {
    text,
    offset,
    place,
    style,
    universe,
    namespace: context.namespace,
    global: context.global,
    ...(context.policy && { policy: context.policy }),
    namespaceNameLabels: NAMESPACE_NAME_LABELS,
  };
  if (context.empty) return finish(DIALECTS.flatMap((dialect) => dialect.completion.newDocument?.(site) ?? []), place);
  if (!context.dialect) return [];
  return finish(context.dialect.completion.complete(site), place);
}
