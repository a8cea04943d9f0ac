/**
 * Manifests as they are in a git commit, read with plumbing (`ls-tree`, one
 * `cat-file --batch`), so nothing is checked out and the work tree is untouched.
 * Paths come out relative to the folder git runs in, as the ones on disk would.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { Manifest } from './collect-files';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** Whole trees of manifests can be large; git's output is read in one piece. */
const MAX_BUFFER = 1024 * 1024 * 1024;

export type TreeResult = { readonly manifests: Manifest[] } | { readonly error: string };

export interface RevisionPair {
  readonly before: string;
  /** Absent: the files on disk. */
  readonly after?: string;
}

/** `A..B`, `A...B` (from the merge base of A and B, as `git diff A...B`), or `A` (against the files on disk). */
export function parseRevisions(text: string, cwd: string): RevisionPair | { error: string } {
  const three = text.indexOf('...');
  if (three >= 0) {
    const a = text.slice(0, three) || 'HEAD';
    const b = text.slice(three + 3) || 'HEAD';
    const base = git(['merge-base', '--end-of-options', a, b], cwd);
    return 'error' in base ? { error: `no merge base of ${a} and ${b}: ${base.error}` } : { before: base.out.toString('utf8').trim(), after: b };
  }
  const two = text.indexOf('..');
  if (two >= 0) return { before: text.slice(0, two) || 'HEAD', after: text.slice(two + 2) || 'HEAD' };
  return { before: text };
}

export function readTree(revision: string, pathspecs: readonly string[], cwd: string): TreeResult {
  const verified = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{tree}`], cwd);
  if ('error' in verified) return { error: `${revision}: no such revision` };
  const listed = git(['ls-tree', '-r', '-z', verified.out.toString('utf8').trim(), '--', ...(pathspecs.length > 0 ? pathspecs : ['.'])], cwd);
  if ('error' in listed) return { error: `${revision}: ${listed.error}` };
  const blobs: { path: string; oid: string }[] = [];
  for (const record of listed.out.toString('utf8').split('\0')) {
    // `<mode> SP <type> SP <oid> TAB <path>`; links (120000) and submodules are not manifests.
    const match = /^(100644|100755) blob ([0-9a-f]+)\t(.*)$/s.exec(record);
    if (!match) continue;
    const file = match[3]!;
    if (!MANIFEST_EXTENSIONS.has(path.extname(file).toLowerCase()) || file.split('/').some((part) => SKIPPED_FOLDERS.has(part))) continue;
    blobs.push({ path: file, oid: match[2]! });
  }
  if (blobs.length === 0) return { manifests: [] };
  const read = git(['cat-file', '--batch'], cwd, blobs.map((b) => b.oid).join('\n') + '\n');
  if ('error' in read) return { error: `${revision}: ${read.error}` };
  return { manifests: splitBatch(read.out, blobs) };
}

/** `cat-file --batch` prints `<oid> blob <size>\n<content>\n` per object, in the order asked. */
function splitBatch(out: Buffer, blobs: readonly { path: string; oid: string }[]): Manifest[] {
  const manifests: Manifest[] = [];
  let at = 0;
  for (const blob of blobs) {
    const headerEnd = out.indexOf(0x0a, at);
    const size = Number(out.toString('utf8', at, headerEnd).split(' ')[2]);
    manifests.push({ path: blob.path, text: out.toString('utf8', headerEnd + 1, headerEnd + 1 + size) });
    at = headerEnd + 1 + size + 1;
  }
  return manifests;
}

function git(args: readonly string[], cwd: string, input?: string): { out: Buffer } | { error: string } {
  try {
    return { out: execFileSync('git', args, { cwd, input, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'pipe'] }) };
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim();
    return { error: stderr || (error instanceof Error ? error.message : String(error)) };
  }
}
