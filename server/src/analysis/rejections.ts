/**
 * "Would the API server (or Calico) reject this object?", decided once.
 *
 * The answer is the error findings of the file analysis that belong to the object:
 * the errors the checks found in it (same document, same List item) and the YAML
 * errors of its document, since a document that does not parse is refused whole by
 * kubectl and calicoctl. Reachability, why-traces, the panel's ignored list, code
 * lenses and hovers all read this list, so none of them can count as active a
 * policy that `check` reports as rejected.
 */
import type { ObjectRef } from '../model/types';
import type { Finding } from './finding';

/**
 * Errors that do not make the object rejected: an internal error is a bug of ours,
 * and a Calico selector that YAML read as a tag still stores a valid selector.
 */
const ACCEPTED_ERRORS: ReadonlySet<string> = new Set(['netpol/internal-error', 'calico/internal-error', 'calico/selector-yaml-tag']);

/** The findings for which the object at `ref` would be rejected; empty when it would be stored. */
export function rejectionsOf(findings: readonly Finding[], ref: Pick<ObjectRef, 'docIndex' | 'listIndex'>): Finding[] {
  return findings.filter((f) => f.severity === 'error' && !ACCEPTED_ERRORS.has(f.code) && f.data?.docIndex === ref.docIndex && (isSyntaxError(f) || f.data.listIndex === ref.listIndex));
}

/** A YAML error belongs to its whole document, List items included. */
function isSyntaxError(f: Finding): boolean {
  return f.code.startsWith('yaml/');
}
