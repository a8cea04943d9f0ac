/**
 * Label selectors over label sets: the one API that reachability, hovers,
 * completion and diagnostics share, so they can never disagree on what matches.
 *
 *   const { selector, problems } = compileSelector(policy.spec.podSelector);  // once per selector
 *   const pods = labelSetFromEntries(workload.podLabels);                      // once per pod shape
 *   selectorMatches(selector, pods);                                           // many times, cheap
 *   new SelectorMatchCache().matches(selector, pods);                          // memoized by keys
 *   describeSelector(selector);  // "app=web, tier in (a, b)"
 *
 * `problems` lists what the API server would reject (bad operator, In without
 * values, invalid key or value); callers decide what to do with an invalid one.
 * Namespace selectors match a namespace's labels, which always include the
 * automatic `kubernetes.io/metadata.name` label (see workspace/ for the index).
 */
export { EMPTY_LABEL_SET, formatLabelSet, labelSetFromEntries, labelSetOf, type LabelSet } from './label-set';
export { compileSelector, fromRequirements, selectorFromLabels, type CompiledSelector, type CompileResult, type Requirement, type SelectorProblem } from './compile-selector';
export { describeSelector, requirementMatches, SelectorMatchCache, selectorMatches } from './match-selector';
export { isLabelKey, isLabelValue } from './label-syntax';
