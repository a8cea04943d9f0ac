/**
 * netpolLens/exportReach in pieces. The JSON report of 20,000 workloads is gigabytes
 * (every allowed pair with its why-trace): as one answer it ran the server out of memory.
 * So an export is read as lines (evaluate/format-connlist.ts) and answered a few MB at a
 * time; the client asks for the next piece with the cursor of the last one and writes the
 * pieces to the file. One export is kept open at a time, and only while the workspace is
 * the version it started on: a piece that would mix two versions is refused, and the
 * client says so.
 */
import type { ExportReachResult } from '../protocol';
import type { Steps } from '../core/steps';

/** About this many characters a piece (a line is never split). */
const PIECE_CHARS = 4 * 1024 * 1024;

const INTERRUPTED = 'The export was interrupted: the workspace changed, or another export started. Export again.';

interface OpenExport {
  readonly cursor: string;
  readonly format: string;
  readonly version: number;
  readonly lines: Iterator<string>;
}

export class ExportPieces {
  private open: OpenExport | undefined;
  private made = 0;

  constructor(private readonly pieceChars = PIECE_CHARS) {}

  /**
   * The next piece, as steps (a line each), so that the caller can run them in time
   * slices. Without a cursor a new export starts from `lines()`; with one, the export it
   * came from continues, if it is still open and of `version`.
   */
  *piece(format: string, cursor: string | undefined, version: number, lines: () => Iterable<string>): Steps<ExportReachResult> {
    const open = cursor === undefined ? { cursor: '', format, version, lines: lines()[Symbol.iterator]() } : this.open;
    this.open = undefined;
    if (!open || open.cursor !== (cursor ?? '') || open.format !== format || open.version !== version) return { text: '', error: INTERRUPTED };
    const parts: string[] = [];
    let size = 0;
    for (;;) {
      const line = open.lines.next();
      if (line.done) return { text: parts.join('') };
      parts.push(line.value, '\n');
      size += line.value.length + 1;
      if (size >= this.pieceChars) break;
      yield;
    }
    const next = { ...open, cursor: `${version}.${++this.made}` };
    this.open = next;
    return { text: parts.join(''), cursor: next.cursor };
  }

  /** Drops the open export (the workspace changed under it). */
  close(): void {
    this.open = undefined;
  }
}
