/**
 * LabelSelector (model, with spans) -> CompiledSelector (plain requirements, a
 * canonical key, and the problems the API server would reject it for).
 *
 * Compiling once and matching many times is what keeps reachability fast: the
 * engine memoizes matches per (selector key, label set key).
 */
import type { LabelSelector, SelectorOperator, Span } from '../types';
import { isLabelKey, isLabelValue } from './label-syntax';

export interface Requirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  /** Sorted, without duplicates; empty for Exists and DoesNotExist. */
  readonly values: readonly string[];
}

export interface CompiledSelector {
  /** matchLabels become `In` requirements with one value, as Kubernetes converts them. */
  readonly requirements: readonly Requirement[];
  /** Canonical text: equal keys select exactly the same label sets. */
  readonly key: string;
  /** True for `{}`: selects every pod (or namespace) in its scope. */
  readonly matchesAll: boolean;
}

export interface SelectorProblem {
  readonly message: string;
  readonly span: Span;
}

export interface CompileResult {
  readonly selector: CompiledSelector;
  /** Non-empty when the API server would reject the selector; `selector` then holds the readable part. */
  readonly problems: readonly SelectorProblem[];
}

const OPERATORS: ReadonlySet<string> = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

export function compileSelector(selector: LabelSelector): CompileResult {
  const problems: SelectorProblem[] = [];
  const requirements: Requirement[] = [];
  for (const entry of selector.matchLabels) {
    if (!isLabelKey(entry.key.value)) problems.push({ message: `"${entry.key.value}" is not a valid label key.`, span: entry.key.span });
    if (!isLabelValue(entry.value.value)) problems.push({ message: `"${entry.value.value}" is not a valid label value.`, span: entry.value.span });
    requirements.push({ key: entry.key.value, operator: 'In', values: [entry.value.value] });
  }
  for (const written of selector.matchExpressions) {
    const key = written.key?.value;
    const operator = written.operator?.value;
    if (key === undefined) problems.push({ message: 'A matchExpressions entry needs a "key".', span: written.span });
    else if (!isLabelKey(key)) problems.push({ message: `"${key}" is not a valid label key.`, span: written.key?.span ?? written.span });
    if (operator === undefined || !OPERATORS.has(operator)) {
      const message = operator === undefined ? 'A matchExpressions entry needs an "operator".' : `"${operator}" is not a selector operator (In, NotIn, Exists, DoesNotExist).`;
      problems.push({ message, span: written.operator?.span ?? written.span });
      continue;
    }
    const values = [...new Set(written.values.map((v) => v.value))].sort();
    const needsValues = operator === 'In' || operator === 'NotIn';
    if (needsValues && values.length === 0) problems.push({ message: `The operator ${operator} needs at least one value.`, span: written.valuesSpan ?? written.span });
    if (!needsValues && written.values.length > 0) problems.push({ message: `The operator ${operator} takes no values.`, span: written.valuesSpan ?? written.span });
    for (const value of written.values) {
      if (!isLabelValue(value.value)) problems.push({ message: `"${value.value}" is not a valid label value.`, span: value.span });
    }
    if (key !== undefined) requirements.push({ key, operator: operator as SelectorOperator, values: needsValues ? values : [] });
  }
  return { selector: fromRequirements(requirements), problems };
}

/** A selector from plain requirements (also used for the automatic namespace-name selector). */
export function fromRequirements(requirements: readonly Requirement[]): CompiledSelector {
  const texts = [...new Set(requirements.map(requirementKey))].sort();
  return { requirements, key: texts.join(' && '), matchesAll: requirements.length === 0 };
}

/** A selector equivalent to `matchLabels` of the given pairs. */
export function selectorFromLabels(pairs: Iterable<readonly [string, string]>): CompiledSelector {
  return fromRequirements([...pairs].map(([key, value]) => ({ key, operator: 'In' as const, values: [value] })));
}

function requirementKey(r: Requirement): string {
  return `${r.key} ${r.operator} (${r.values.join(',')})`;
}
