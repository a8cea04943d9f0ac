/**
 * Label keys and values, wherever they appear: metadata.labels, matchLabels and
 * matchExpressions. One place, so the same key gets the same message everywhere.
 */
import { isMap, type YNode } from '../../../core/parse/yaml-tree';
import type { ObjectRef } from '../../../model/types';
import { finding, type Finding } from '../../../core/finding';
import { dataAt, pathToSpan, type NodePath } from '../../../analysis/checks/finding-data';
import { joinProblems, labelValueProblems, qualifiedNameProblems } from './validators/names';

/** Findings for every key and value of a `labels`/`matchLabels` map node. */
export function labelMapFindings(ref: ObjectRef, node: YNode | null | undefined, what: 'label' | 'annotation'): Finding[] {
  if (!isMap(node)) return [];
  const path = pathToSpan(ref.node, node.span);
  if (!path) return [];
  const findings: Finding[] = [];
  for (const pair of node.items) {
    const keyProblems = qualifiedNameProblems(what === 'annotation' ? pair.keyText.toLowerCase() : pair.keyText);
    if (keyProblems.length > 0 && pair.key.kind === 'scalar') findings.push(labelKeyFinding(ref, pair.keyText, pair.key.span, [...path, pair.keyText], keyProblems, what));
    const value = pair.value;
    if (what === 'label' && value?.kind === 'scalar' && typeof value.value === 'string') {
      findings.push(...labelValueFindings(ref, pair.keyText, value.value, value.span, [...path, pair.keyText]));
    }
  }
  return findings;
}

export function labelKeyFinding(ref: ObjectRef, key: string, span: YNode['span'], path: NodePath, problems: readonly string[], what: 'label' | 'annotation' = 'label'): Finding {
  const code = what === 'annotation' ? 'netpol/invalid-annotation-key' : 'netpol/invalid-label-key';
  const example = 'e.g. "app" or "example.com/app"';
  const message = `${what === 'annotation' ? 'Annotation' : 'Label'} key "${key}" is invalid: ${joinProblems(problems)} (${example}).`;
  return finding(code, 'error', message, span, { data: dataAt(ref, path, { key }) });
}

export function labelValueFindings(ref: ObjectRef, key: string, value: string, span: YNode['span'], path: NodePath): Finding[] {
  const problems = labelValueProblems(value);
  if (problems.length === 0) return [];
  const message = `Label value "${value}" for "${key}" is invalid: ${joinProblems(problems)}.`;
  return [finding('netpol/invalid-label-value', 'error', message, span, { data: dataAt(ref, path, { value }) })];
}

