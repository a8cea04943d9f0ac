/**
 * Data-driven hover tests: each test/fixtures/hover/<case>.yaml marks the cursor
 * with `|^|`; the hover there is rendered (its range as 1-based `line:column`,
 * then the Markdown) and compared with <case>.hover.md. A case where no hover is
 * expected renders as `null`.
 */
import * as fs from 'node:fs';
import { describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { textDocument } from '../../server/src/services/positions';
import { hoverAt } from '../../server/src/services/hover';
import { extractCursor } from '../support/markers';
import { fixture, fixtureCases } from '../support/paths';
import { assertMatchesFile } from '../support/snapshot';

function renderHover(hover: Hover | null): string {
  if (!hover) return 'null\n';
  const range = hover.range;
  const at = (p: { line: number; character: number }): string => `${p.line + 1}:${p.character + 1}`;
  const contents = hover.contents as { kind: string; value: string };
  return `range: ${range ? `${at(range.start)}-${at(range.end)}` : '(none)'}\nkind: ${contents.kind}\n\n${contents.value}\n`;
}

describe('hover fixtures', () => {
  for (const name of fixtureCases('hover')) {
    test(name, () => {
      const { text, offset } = extractCursor(fs.readFileSync(fixture('hover', `${name}.yaml`), 'utf8'));
      const document = textDocument(text);
      const hover = hoverAt(document, analyzeText(text), document.positionAt(offset));
      assertMatchesFile(renderHover(hover), fixture('hover', `${name}.hover.md`));
    });
  }
});
