/**
 * The interface every validation check implements: one small check per file,
 * each a pure function from a policy (plus its file) to findings. Kubernetes and
 * Calico checks share the shape, each over its own policy type (Calico's names
 * are in calico/checks/check.ts), so the analysis runs both the same way.
 */
import type { ParsedFile } from '../../../core/parse/yaml-tree';
import type { NetworkPolicy } from '../../../model/types';
import type { Finding } from '../../../core/finding';

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

export type CheckContext = CheckContextOf<NetworkPolicy>;
export type PolicyCheck = Check<NetworkPolicy>;
