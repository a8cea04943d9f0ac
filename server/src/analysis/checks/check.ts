/**
 * The interface every validation check implements: one small check per file, each a
 * pure function from a policy (plus its file) to findings. Every dialect's checks
 * have this shape, each over its own policy type, and its check runner catches what
 * one check throws (see runCheck).
 */
import type { ParsedFile } from '../../core/parse/yaml-tree';
import { finding, type Finding, type FindingData } from '../../core/finding';
import type { PolicyObject } from '../file-analysis';

export interface CheckContextOf<P> {
  readonly file: ParsedFile;
  /** Every policy of this kind in the file, for checks that compare policies (e.g. duplicate names). */
  readonly policies: readonly P[];
}

export interface Check<P> {
  /** Short name, used in tests and logs. */
  readonly id: string;
  /**
   * True when the check looks at other documents of the file (context.policies).
   * Other checks depend only on their policy's own document, so their findings are
   * reused for documents an edit did not touch.
   */
  readonly crossDocument?: boolean;
  run(policy: P, context: CheckContextOf<P>): Finding[];
}

/** How a dialect reports a check that threw: its own internal-error code and words. */
export interface InternalErrorReport {
  readonly code: string;
  /** The message up to the check's name (`Internal error in check`). */
  readonly lead: string;
  readonly data?: (policy: PolicyObject) => FindingData;
}

/** A bug in one check must not hide what the others found; it becomes a visible finding instead. */
export function runCheck<P extends PolicyObject>(check: Check<P>, policy: P, context: CheckContextOf<P>, report: InternalErrorReport): Finding[] {
  try {
    return check.run(policy, context);
  } catch (error) {
    const message = `${report.lead} "${check.id}": ${error instanceof Error ? error.message : String(error)}`;
    return [finding(report.code, 'information', message, policy.ref.kind?.span ?? policy.ref.node.span, report.data ? { data: report.data(policy) } : {})];
  }
}
