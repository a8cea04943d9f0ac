/**
 * Go string semantics that kubectl's output depends on. Go strings are UTF-8 bytes:
 * `len` counts bytes, `sort.Strings` orders by bytes, and slicing cuts bytes. JavaScript
 * strings are UTF-16, so each of these needs a small translation to print the same text.
 */
import type { LabelEntry } from '../../../model/types';

/** The UTF-8 length of a code point (a lone surrogate is written as U+FFFD: 3 bytes). */
function utf8Width(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/** Go's `len(s)`: the number of UTF-8 bytes. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += utf8Width(char.codePointAt(0) ?? 0);
  return bytes;
}

/**
 * Go's `s[:maxBytes]`. When the cut falls inside a character, Go emits the broken bytes;
 * a string cannot hold them, so the partial character becomes the U+FFFD that any UTF-8
 * decoder (a terminal, `Buffer.toString`) shows for kubectl's bytes.
 */
export function sliceUtf8Bytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let result = '';
  for (const char of text) {
    const width = utf8Width(char.codePointAt(0) ?? 0);
    if (bytes + width > maxBytes) return bytes < maxBytes ? result + '\uFFFD' : result;
    bytes += width;
    result += char;
  }
  return result;
}

/**
 * Go's `a < b` on strings, as `sort.Strings` uses it: byte order, which is code point
 * order. JavaScript's `<` compares UTF-16 units, which differs above U+FFFF.
 */
export function compareGoStrings(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(j) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  const restA = a.length - i;
  const restB = b.length - j;
  return restA === restB ? 0 : restA < restB ? -1 : 1;
}

/**
 * A YAML mapping as the Go `map[string]string` it decodes into: one value per key, the
 * last written one winning, in sorted key order (kubectl sorts before printing).
 */
export function sortedStringMap(entries: readonly LabelEntry[]): [string, string][] {
  const map = new Map<string, string>();
  for (const entry of entries) map.set(entry.key.value, entry.value.value);
  return [...map.entries()].sort((a, b) => compareGoStrings(a[0], b[0]));
}
