/**
 * The registry of fixes: each dialect's (its FixHooks). Quick fixes are keyed by
 * finding code and receive the finding's data; refactorings and source actions are
 * offered by position.
 */
import type { Span } from '../../core/parse/yaml-tree';
import type { FileAnalysis } from '../file-analysis';
import type { FindingData } from '../../core/finding';
import { DIALECTS } from '../../dialects/registry';
import type { Fix, FindingFix } from './fix';

const QUICK_FIXES: Readonly<Record<string, readonly FindingFix[]>> = Object.assign({}, ...DIALECTS.map((dialect) => dialect.fixes.quickFixes));

/** The quick fixes for one finding. A fix that throws is a bug; it is dropped, not fatal. */
export function quickFixes(analysis: FileAnalysis, code: string, data: FindingData | undefined): Fix[] {
  if (!data) return [];
  const fixes = Object.prototype.hasOwnProperty.call(QUICK_FIXES, code) ? QUICK_FIXES[code]! : [];
  return fixes.map((fix) => tryFix(fix, analysis, data)).filter((f): f is Fix => f !== undefined && f.edits.length > 0);
}

function tryFix(fix: FindingFix, analysis: FileAnalysis, data: FindingData): Fix | undefined {
  try {
    return fix(analysis, data);
  } catch {
    // Data comes from the client and may be malformed in ways no type guard foresaw.
    return undefined;
  }
}

/** Refactorings at a position (e.g. splitting a merged peer). */
export function refactoringsAt(analysis: FileAnalysis, span: Span): Fix[] {
  return DIALECTS.flatMap((dialect) => dialect.fixes.refactoringsAt?.(analysis, span) ?? []);
}

/** Source actions at a position (e.g. a default-deny policy for the namespace of the policy there). */
export function sourceActionsAt(analysis: FileAnalysis, span: Span): Fix[] {
  return DIALECTS.flatMap((dialect) => dialect.fixes.sourceActionsAt?.(analysis, span) ?? []);
}
