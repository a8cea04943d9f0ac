/**
 * Go's text/tabwriter, as kubectl's describe output goes through it: minimal width 0,
 * padding 2, padded with spaces, no flags.
 *
 * kubectl writes `Name:\tvalue` and lets the tabwriter align the values: every run of
 * consecutive lines that have a tab-terminated cell in the same column becomes one
 * column, as wide as its widest cell plus 2. Text after a line's last tab is not part of
 * any column. A formfeed ends a line like a newline (and is printed as one) but also ends
 * every column. Widths count characters (Go counts runes), not bytes.
 */

const PADDING = 2;

interface Line {
  /** The cells ended by `\t` or `\v`, then the trailing text. */
  readonly cells: readonly string[];
  /** Whether a newline or formfeed ended the line; only the text's last line can lack one. */
  readonly broken: boolean;
}

export function alignTabs(text: string): string {
  const out: string[] = [];
  for (const section of splitSections(text)) formatColumns(section, 0, section.length, [], out);
  return out.join('');
}

/** Formfeeds flush the writer, so the text after one is aligned on its own. */
function splitSections(text: string): Line[][] {
  const sections: Line[][] = [[]];
  const pieces = text.split(/([\n\f])/);
  for (let i = 0; i < pieces.length; i += 2) {
    const breakChar = pieces[i + 1];
    sections[sections.length - 1]?.push({ cells: (pieces[i] ?? '').split(/[\t\v]/), broken: breakChar !== undefined });
    if (breakChar === '\f') sections.push([]);
  }
  return sections;
}

/**
 * Lays out lines [first, end) given the widths of the columns to the left, the way Go's
 * `format` recurses: a block of lines sharing the next column fixes that column's width,
 * then the block is laid out with one more known width.
 */
function formatColumns(lines: readonly Line[], first: number, end: number, widths: number[], out: string[]): void {
  const column = widths.length;
  let start = first;
  for (let at = first; at < end; at++) {
    if (!hasColumn(lines[at], column)) continue;
    writeLines(lines, start, at, widths, out);
    start = at;
    let width = 0;
    for (; at < end && hasColumn(lines[at], column); at++) {
      width = Math.max(width, runeCount(lines[at]?.cells[column] ?? '') + PADDING);
    }
    formatColumns(lines, start, at, [...widths, width], out);
    start = at;
  }
  writeLines(lines, start, end, widths, out);
}

/** A line has a cell in a column when that cell is tab-terminated (not the trailing text). */
function hasColumn(line: Line | undefined, column: number): boolean {
  return line !== undefined && column < line.cells.length - 1;
}

function writeLines(lines: readonly Line[], first: number, end: number, widths: readonly number[], out: string[]): void {
  for (let i = first; i < end; i++) {
    const line = lines[i];
    if (!line) continue;
    line.cells.forEach((cell, j) => {
      out.push(cell);
      const width = widths[j];
      if (width !== undefined) out.push(' '.repeat(width - runeCount(cell)));
    });
    if (line.broken) out.push('\n');
  }
}

/** Go's utf8.RuneCount: characters, with a surrogate pair counted once. */
function runeCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1) count++;
  return count;
}
