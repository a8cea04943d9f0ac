/**
 * The what-if view's saved side shares the live workspace's analyses of files that
 * are not open. When such a file is opened and edited, the editor's analysis grows
 * out of that shared one (its documents move to the buffer's offsets), so the saved
 * side must read the disk text again: its locations stay those of the disk.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { jsonReportLines } from '../../server/src/evaluate/format-connlist';
import type { SourceRef } from '../../server/src/evaluate/types';
import { SavedWorkspace } from '../../server/src/workspace/saved-workspace';
import { Workspace } from '../../server/src/workspace/workspace';
import { EXAMPLES } from '../support/paths';

const FOLDER = path.join(EXAMPLES, 'tutorial');
const FILES = new Map(fs.readdirSync(FOLDER).filter((name) => name.endsWith('.yaml')).map((name) => [`file:///tutorial/${name}`, fs.readFileSync(path.join(FOLDER, name), 'utf8')]));
const POLICIES = 'file:///tutorial/policies.yaml';

/** Every location in the report as the text it covers, so a span that drifted shows. */
function report(workspace: Workspace, texts: ReadonlyMap<string, string>): string {
  const locate = (source: SourceRef): string => `${source.uri}@${source.span.start}:${texts.get(source.uri)!.slice(source.span.start, source.span.end).slice(0, 40)}`;
  return [...jsonReportLines(workspace.reach(), locate)].join('\n');
}

test('a shared analysis the editor takes over does not move the saved side', () => {
  assert.ok(FILES.has(POLICIES));
  const live = new Workspace();
  for (const [uri, text] of FILES) live.setFile(uri, text);
  const saved = new SavedWorkspace();
  const before = report(saved.sync(live, new Map()).workspace, FILES);

  // The editor opens the file with its disk text (its analysis is the live one) and types a line at the top.
  const disk = FILES.get(POLICIES)!;
  const edited = `# reviewed\n${disk}`;
  live.setFile(POLICIES, edited, analyzeText(edited, live.getFile(POLICIES)!.analysis));

  const { workspace, unsaved } = saved.sync(live, new Map([[POLICIES, disk]]));
  assert.deepEqual(unsaved, [POLICIES]);
  assert.equal(report(workspace, FILES), before);
  const fresh = new Workspace();
  for (const [uri, text] of FILES) fresh.setFile(uri, text);
  assert.equal(before, report(fresh, FILES));
});
