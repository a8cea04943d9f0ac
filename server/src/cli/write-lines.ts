/**
 * Writes lines to a stream as `line\n` each, gathered into chunks of about 64 KiB: a
 * connlist of millions of lines is neither joined into one string nor written a line
 * at a time. When the stream's buffer is full, the next chunk waits for it to drain, so
 * a slow reader holds back the rendering instead of the process buffering everything.
 */
import type { Writable } from 'node:stream';

const CHUNK_CHARS = 64 * 1024;

export async function writeLines(stream: Writable, lines: Iterable<string>): Promise<void> {
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      await write(stream, chunk);
      chunk = '';
    }
  }
  if (chunk) await write(stream, chunk);
}

function write(stream: Writable, chunk: string): Promise<void> | void {
  if (stream.write(chunk)) return;
  return new Promise((resolve) => stream.once('drain', resolve));
}
