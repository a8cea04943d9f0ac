/**
 * The interface every validation check implements: one small check per file,
 * each a pure function from a policy (plus its file) to findings.
 */
import type { ParsedFile } from '../../parse/yaml-tree';
import type { NetworkPolicy } from '../../model/types';
import type { Finding } from '../finding';

export interface CheckContext {
  readonly file: ParsedFile;
  /** Every NetworkPolicy of the file, for checks that compare policies (e.g. duplicate names). */
  readonly policies: readonly NetworkPolicy[];
}

export interface PolicyCheck {
  /** Short name, used in tests and logs. */
  readonly id: string;
  /**
   * True when the check looks at other documents of the file (context.policies).
   * Other checks depend only on their policy's own document, so their findings are
   * reused for documents an edit did not touch.
   */
  readonly crossDocument?: boolean;
  run(policy: NetworkPolicy, context: CheckContext): Finding[];
}
