/**
 * "Would the API server (or the dialect's own API server) reject this object?", decided once.
 *
 * The answer is the error findings of the file analysis that belong to the object:
 * the errors the checks found in it (same document, same List item) and the YAML
 * errors of its document, since a document that does not parse is refused whole by
 * the tools that apply it. Reachability, why-traces, the panel's ignored list, code
 * lenses and hovers all read this list, so none of them can count as active a
 * policy that `check` reports as rejected.
 */
import type { ObjectRef } from '../model/types';
import type { Finding } from '../core/finding';
import { DIALECTS } from '../dialects/registry';

/**
 * Errors that do not make the object rejected, as each dialect declares them: an
 * internal error is a bug of ours, and some errors still store a valid object.
 */
const ACCEPTED_ERRORS: ReadonlySet<string> = new Set(DIALECTS.flatMap((dialect) => dialect.acceptedErrors));

/** The findings for which the object at `ref` would be rejected; empty when it would be stored. */
export function rejectionsOf(findings: readonly Finding[], ref: Pick<ObjectRef, 'docIndex' | 'listIndex'>): Finding[] {
  const inDocument = errorsByDocument(findings).get(ref.docIndex) ?? [];
  return inDocument.filter((f) => isSyntaxError(f) || f.data?.listIndex === ref.listIndex);
}

/**
 * A file's rejecting errors by document, computed once per findings list: every
 * policy of a large file asks, and filtering all findings for each would cost the
 * product of their numbers.
 */
const BY_DOCUMENT = new WeakMap<readonly Finding[], Map<number, Finding[]>>();

function errorsByDocument(findings: readonly Finding[]): Map<number, Finding[]> {
  let byDocument = BY_DOCUMENT.get(findings);
  if (!byDocument) {
    byDocument = new Map();
    for (const f of findings) {
      const docIndex = f.data?.docIndex;
      if (f.severity !== 'error' || ACCEPTED_ERRORS.has(f.code) || docIndex === undefined) continue;
      const list = byDocument.get(docIndex);
      if (list) list.push(f);
      else byDocument.set(docIndex, [f]);
    }
    BY_DOCUMENT.set(findings, byDocument);
  }
  return byDocument;
}

/** A YAML error belongs to its whole document, List items included. */
function isSyntaxError(f: Finding): boolean {
  return f.code.startsWith('yaml/');
}
