/**
 * The Labels and Annotations blocks of a describe page, laid out as kubectl lays them out.
 * Lines carry a tab after the title (and a leading tab on continuation lines) so the
 * tab writer aligns every value in one column with Name, Namespace and the rest.
 */
import type { LabelEntry } from '../../../model/types';
import { sliceUtf8Bytes, sortedStringMap, utf8ByteLength } from './go-strings';

/** Longer `key: value` lines are folded, and longer folded lines cut (both in bytes). */
const MAX_ANNOTATION_LENGTH = 140;
/** kubectl never prints the copy of the whole object that `kubectl apply` leaves behind. */
const SKIPPED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** `Labels:\tk1=v1` then `\tk2=v2` per further label, sorted by key; `<none>` when there are none. */
export function labelLines(labels: readonly LabelEntry[]): string[] {
  const entries = sortedStringMap(labels);
  if (entries.length === 0) return ['Labels:\t<none>'];
  return entries.map(([key, value], index) => `${index === 0 ? 'Labels:' : ''}\t${key}=${value}`);
}

/**
 * `Annotations:\tkey: value`, sorted by key. A value with a newline, or too long to sit
 * beside its key, goes under its key instead, one indented line per line of the value,
 * each cut to fit.
 */
export function annotationLines(annotations: readonly LabelEntry[]): string[] {
  const entries = sortedStringMap(annotations).filter(([key]) => key !== SKIPPED_ANNOTATION);
  if (entries.length === 0) return ['Annotations:\t<none>'];
  return entries.flatMap(([key, rawValue], index) => {
    const title = index === 0 ? 'Annotations:\t' : '\t';
    // One trailing newline (as a YAML `|` block leaves) does not make a value multi-line.
    const value = rawValue.endsWith('\n') ? rawValue.slice(0, -1) : rawValue;
    const folded = utf8ByteLength(value) + utf8ByteLength(key) + 2 > MAX_ANNOTATION_LENGTH || value.includes('\n');
    if (!folded) return [`${title}${key}: ${value}`];
    return [`${title}${key}:`, ...value.split('\n').map((line) => `\t  ${shorten(line)}`)];
  });
}

/** A folded line keeps room for its 2-space indent; anything beyond is cut and marked `...`. */
function shorten(line: string): string {
  const max = MAX_ANNOTATION_LENGTH - 2;
  return utf8ByteLength(line) > max ? sliceUtf8Bytes(line, max) + '...' : line;
}
