/**
 * Fixes that rewrite one scalar or one key: a did-you-mean rename of an unknown field,
 * a corrected value (protocol case, operator case, policy type case, a canonical CIDR,
 * a valid name, an unquoted port number, a valid label key), quoting a number where a
 * string belongs, and swapping a port range written downwards.
 * Each checks the node still holds what the finding saw before touching it.
 */
import { getPair, isMap, isNullish } from '../../../core/parse/yaml-tree';
import { qualifiedNameProblems } from '../checks/validators/names';
import type { FindingFix } from '../../../analysis/fixes/fix';
import { replace } from '../../../analysis/fixes/fix';
import { locate, locatePair, nodeAt, objectRoot, pathOf, stringData } from '../../../analysis/fixes/locate';
import { replaceScalar } from '../../../analysis/fixes/yaml-edits';

export const renameFieldFix: FindingFix = (analysis, data) => {
  const suggestion = stringData(data, 'suggestion');
  const pair = locatePair(analysis, data);
  if (!suggestion || data['renamable'] !== true || !pair || pair.keyText !== stringData(data, 'key') || pair.key.kind !== 'scalar') return undefined;
  return { title: `Rename "${pair.keyText}" to "${suggestion}"`, kind: 'quickfix', edits: [replaceScalar(pair.key, suggestion)], isPreferred: true };
};

export const replaceValueFix: FindingFix = (analysis, data) => {
  const suggestion = stringData(data, 'suggestion');
  const node = locate(analysis, data);
  if (suggestion === undefined || node?.kind !== 'scalar' || String(node.value) !== String(data['value'])) return undefined;
  // A quoted number used as a port becomes a bare number; every other value keeps its quotes.
  const unquote = typeof node.value === 'string' && /^[0-9]+$/.test(suggestion) && /^[0-9]+$/.test(node.value);
  const edit = unquote ? replace(node.span, suggestion) : replaceScalar(node, suggestion);
  const title = unquote ? `Write ${suggestion} as a number` : `Change to "${suggestion}"`;
  return { title, kind: 'quickfix', edits: [edit], isPreferred: true };
};

export const quoteValueFix: FindingFix = (analysis, data) => {
  const node = locate(analysis, data);
  if (data['quote'] !== true || node?.kind !== 'scalar' || node.style !== 'plain' || typeof node.value === 'string' || isNullish(node)) return undefined;
  const quoted = JSON.stringify(node.source);
  return { title: `Quote as ${quoted}`, kind: 'quickfix', edits: [replace(node.span, quoted)], isPreferred: true };
};

/** `podSelector:` with no value in a peer becomes `podSelector: {}` (all pods). */
export const emptySelectorFix: FindingFix = (analysis, data) => {
  const key = stringData(data, 'nullKey');
  const path = pathOf(data);
  if (!key || !path) return undefined;
  const pair = locatePair(analysis, { ...data, path: [...path, key] });
  const value = pair?.value;
  if (!value || value.kind !== 'scalar' || value.value !== null) return undefined;
  // `key:` has a zero-width null just after the colon; `key: null` and `key: ~` have text to replace.
  const edit = value.span.end > value.span.start ? replace(value.span, '{}') : replace(value.span, ' {}');
  return { title: `Write "${key}: {}"`, kind: 'quickfix', edits: [edit] };
};

/**
 * An invalid label or annotation key becomes the valid key closest to it (`/tier` ->
 * `tier`, `app/` -> `app`, `ticket id` -> `ticket-id`), in a matchLabels key or a
 * matchExpressions `key:` value alike.
 */
export const labelKeyFix: FindingFix = (analysis, data) => {
  const key = stringData(data, 'key');
  const suggestion = key === undefined ? undefined : validLabelKey(key);
  if (key === undefined || suggestion === undefined) return undefined;
  const pair = locatePair(analysis, data);
  const node = pair?.keyText === key && pair.key.kind === 'scalar' ? pair.key : locate(analysis, data);
  if (node?.kind !== 'scalar' || String(node.value) !== key) return undefined;
  return { title: `Change to "${suggestion}"`, kind: 'quickfix', edits: [replaceScalar(node, suggestion)], isPreferred: true };
};

function validLabelKey(key: string): string | undefined {
  const parts = key.split('/').filter((p) => p.length > 0);
  const name = cleanPart(parts.length > 1 ? parts.slice(1).join('-') : (parts[0] ?? ''), /[^A-Za-z0-9._-]+/g).slice(0, 63).replace(/[^A-Za-z0-9]+$/, '');
  const prefix = parts.length > 1 ? cleanPart(parts[0]!.toLowerCase(), /[^a-z0-9.-]+/g) : '';
  const candidate = prefix ? `${prefix}/${name}` : name;
  return candidate !== key && candidate.length > 0 && qualifiedNameProblems(candidate).length === 0 ? candidate : undefined;
}

function cleanPart(part: string, invalid: RegExp): string {
  return part.replace(invalid, '-').replace(/-{2,}/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

/** `port: 8080, endPort: 8000`: the range was written downwards; swapping keeps both numbers. */
export const swapPortRangeFix: FindingFix = (analysis, data) => {
  const path = pathOf(data);
  const root = objectRoot(analysis.parsed, data);
  const item = root && path ? nodeAt(root, path.slice(0, -1)) : undefined;
  if (!isMap(item)) return undefined;
  const port = getPair(item, 'port')?.value;
  const end = getPair(item, 'endPort')?.value;
  if (port?.kind !== 'scalar' || end?.kind !== 'scalar' || typeof port.value !== 'number' || typeof end.value !== 'number' || end.value >= port.value || end.value < 1) return undefined;
  return { title: `Swap port and endPort (${end.source}-${port.source})`, kind: 'quickfix', edits: [replace(port.span, end.source), replace(end.span, port.source)], isPreferred: true };
};

/**
 * A selector that matches nothing because of a typo: the workspace finding names the
 * nearest label (`app: wbe` -> `app=web`) and carries it, and this writes it.
 */
export const nearestLabelFix: FindingFix = (analysis, data) => {
  const label = data['label'] as { key?: unknown; value?: unknown; newKey?: unknown; newValue?: unknown } | undefined;
  const pair = locatePair(analysis, data);
  if (!label || typeof label.newKey !== 'string' || typeof label.newValue !== 'string' || !pair || pair.keyText !== label.key) return undefined;
  if (pair.key.kind !== 'scalar' || pair.value?.kind !== 'scalar' || String(pair.value.value) !== label.value) return undefined;
  const edits = [];
  if (label.newKey !== label.key) edits.push(replaceScalar(pair.key, label.newKey));
  if (label.newValue !== label.value) edits.push(replaceScalar(pair.value, label.newValue));
  return { title: `Change to ${label.newKey}=${label.newValue}`, kind: 'quickfix', edits, isPreferred: true };
};
