/**
 * Cursor markers in fixture text. A fixture writes `|^|` (or another marker) where
 * the cursor goes; tests strip it and get the offset, so no test hard-codes lines.
 */
export const CURSOR = '|^|';

export function extractCursor(textWithMarker: string, marker = CURSOR): { text: string; offset: number } {
  const offset = textWithMarker.indexOf(marker);
  if (offset < 0) throw new Error(`No cursor marker ${marker} in fixture text`);
  if (textWithMarker.indexOf(marker, offset + 1) >= 0) throw new Error(`More than one cursor marker ${marker}`);
  return { text: textWithMarker.slice(0, offset) + textWithMarker.slice(offset + marker.length), offset };
}

/** Offset just after the first occurrence of `after` within the first line containing `line`. */
export function offsetAfter(text: string, line: string, after: string = line): number {
  const lineStart = text.indexOf(line);
  if (lineStart < 0) throw new Error(`No line containing ${JSON.stringify(line)}`);
  const at = text.indexOf(after, lineStart);
  if (at < 0) throw new Error(`${JSON.stringify(after)} not found after ${JSON.stringify(line)}`);
  return at + after.length;
}
