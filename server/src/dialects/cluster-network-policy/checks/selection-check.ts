/** A subject or a peer: exactly one of its fields, each of the right shape, its selectors with only their own fields. */
import type { Finding } from '../../../core/finding';
import { isMap } from '../../../core/parse/yaml-tree';
import type { LabelSelector } from '../../../model/types';
import type { ClusterPolicy, Selection } from '../model/types';
import type { Report } from './report';

const SELECTOR_FIELDS = ['matchLabels', 'matchExpressions'];

export function selectionFindings(policy: ClusterPolicy, selection: Selection, path: string, allowed: readonly string[], report: Report): Finding[] {
  const findings: Finding[] = [];
  const span = selection.keySpan ?? selection.span;
  for (const key of selection.keys) if (!allowed.includes(key.value)) findings.push(report('cnp/unknown-field', 'error', `${path}.${key.value}: unknown field "${path}.${key.value}"; ${path} takes one of ${allowed.map((a) => `"${a}"`).join(', ')}.`, key.span));
  const known = selection.keys.filter((k) => allowed.includes(k.value));
  if (selection.keys.length === 0) findings.push(report('cnp/one-of', 'error', `${path}: Invalid value: 0: ${path} in body should have at least 1 properties (write one of ${allowed.map((a) => `"${a}"`).join(', ')})`, span));
  if (known.length > 1) findings.push(report('cnp/one-of', 'error', `${path}: Too many: ${known.length}: must have at most 1 item (${known.map((k) => `"${k.value}"`).join(' and ')}: write one per entry)`, span));
  const selectors: [string, LabelSelector | undefined][] = [
    ['namespaces', selection.namespaces],
    ['nodes', selection.nodes],
    ['pods.namespaceSelector', selection.pods?.namespaceSelector],
    ['pods.podSelector', selection.pods?.podSelector],
  ];
  for (const [name, selector] of selectors) findings.push(...selectorFieldFindings(selector, `${path}.${name}`, report));
  if (selection.pods && !selection.pods.podSelector) findings.push(report('cnp/missing-field', 'error', `${path}.pods.podSelector: Required value`, selection.pods.keySpan));
  // v1alpha1 requires the namespace selector of `pods` ({} for all); v1alpha2 reads its absence as every namespace.
  if (selection.pods && !selection.pods.namespaceSelector && policy.version !== 'v1alpha2') findings.push(report('cnp/missing-field', 'error', `${path}.pods.namespaceSelector: Required value (write {} for every namespace)`, selection.pods.keySpan));
  return findings;
}

function selectorFieldFindings(selector: LabelSelector | undefined, path: string, report: Report): Finding[] {
  if (!selector || !isMap(selector.node)) return [];
  return selector.node.items.filter((pair) => !SELECTOR_FIELDS.includes(pair.keyText)).map((pair) => report('cnp/unknown-field', 'error', `${path}.${pair.keyText}: unknown field "${path}.${pair.keyText}"; a label selector takes "matchLabels" and "matchExpressions".`, pair.key.span));
}
