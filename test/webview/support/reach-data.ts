/**
 * The server's answers for a set of files, computed by the same pure functions
 * the language server's handlers call (workspace/, analysis/reach/), so browser
 * tests render what the real server would send, not a hand-written copy.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findNode } from '../../../server/src/evaluate/find-node';
import { explainLines } from '../../../server/src/evaluate/format-why';
import type { ExplainConnectionResult, PolicyFocusResult, PortFilterDto, TextPosition, WhatIfResult } from '../../../server/src/protocol';
import { spanToRange, textDocument } from '../../../server/src/services/positions';
import { policyAt, policyFocus } from '../../../server/src/workspace/policy-focus';
import { portMatrixView } from '../../../server/src/workspace/port-matrix';
import { diffReach } from '../../../server/src/workspace/reach-diff';
import { matrixView, traceDto, type LocateSource } from '../../../server/src/workspace/reach-view';
import { Workspace } from '../../../server/src/workspace/workspace';
import { compactMatrix } from '../../../client/src/panel/compact-matrix';
import type { PanelMatrix } from '../../../client/src/webview-protocol';

export class ReachData {
  readonly workspace = new Workspace();

  /** `files`: uri -> text. */
  constructor(files: ReadonlyMap<string, string>) {
    for (const [uri, text] of files) this.workspace.setFile(uri, text);
  }

  /** Every .yaml file under `folder`, by file uri. */
  static fromFolder(folder: string): ReachData {
    return new ReachData(readFolder(folder));
  }

  readonly locate: LocateSource = (source) => ({ uri: source.uri, range: spanToRange(textDocument(this.workspace.getFile(source.uri)?.text ?? '', source.uri), source.span) });

  matrix(ports?: PortFilterDto): PanelMatrix {
    const engine = this.workspace.reach();
    const state = { version: this.workspace.version, indexing: false };
    return compactMatrix(ports ? portMatrixView(engine, state, this.locate, ports) : matrixView(engine, state, this.locate), ports);
  }

  explain(src: string, dst: string): ExplainConnectionResult {
    const engine = this.workspace.reach();
    const from = findNode(engine, src);
    const to = findNode(engine, dst);
    if ('error' in from) return { text: [], error: from.error };
    if ('error' in to) return { text: [], error: to.error };
    const trace = engine.explain(from.node, to.node);
    const where = (source: { uri: string; span: { start: number; end: number } }): string => {
      const { range } = this.locate(source);
      return `${path.basename(source.uri)}:${range.start.line + 1}:${range.start.character + 1}`;
    };
    return { trace: traceDto(trace, this.locate), text: explainLines(trace, where) };
  }

  /** What-if with `saved` as the files on disk and this workspace as the buffers. */
  whatIf(saved: ReachData, unsaved: readonly string[], ports?: PortFilterDto): WhatIfResult {
    return { version: this.workspace.version, unsavedFiles: unsaved, changes: diffReach(saved.workspace.reach(), this.workspace.reach(), ports) };
  }

  focus(uri: string, position: TextPosition): PolicyFocusResult {
    const engine = this.workspace.reach();
    const text = this.workspace.getFile(uri)?.text ?? '';
    const offset = textDocument(text, uri).offsetAt(position);
    return policyFocus(engine, policyAt(engine, uri, offset), this.workspace.version, this.locate);
  }

  /** The position of `needle` in a file, for focus requests named by text. */
  positionOf(uri: string, needle: string): TextPosition {
    const text = this.workspace.getFile(uri)?.text ?? '';
    const offset = text.indexOf(needle);
    if (offset < 0) throw new Error(`"${needle}" not in ${uri}`);
    return textDocument(text, uri).positionAt(offset);
  }
}

export function readFolder(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) files.set(pathToFileURL(full).toString(), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(folder);
  return files;
}
