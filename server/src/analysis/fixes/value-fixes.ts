/**
 * Fixes that rewrite one scalar or one key: a did-you-mean rename of an unknown field,
 * a corrected value (protocol case, operator case, policy type case, a canonical CIDR,
 * a valid name, an unquoted port number) and quoting a number where a string belongs.
 * Each checks the node still holds what the finding saw before touching it.
 */
import { isNullish } from '../../parse/yaml-tree';
import type { FindingFix } from './fix';
import { replace } from './fix';
import { locate, locatePair, pathOf, stringData } from './locate';
import { replaceScalar } from './yaml-edits';

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
