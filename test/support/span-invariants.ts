/**
 * Invariants every ParsedFile must keep, whatever the input: spans inside the
 * text and ordered, children inside their parents, nodes inside their document,
 * and a scalar's `source` equal to the text its span covers. Used by the fixture
 * tests and the fuzz test; returns the violations rather than throwing, so one
 * failure message lists them all.
 */
import type { ParsedFile, Span, YNode } from '../../server/src/core/parse/yaml-tree';

export function spanViolations(parsed: ParsedFile): string[] {
  const problems: string[] = [];
  const length = parsed.text.length;
  const check = (span: Span, what: string, outer?: Span): void => {
    if (!(Number.isInteger(span.start) && Number.isInteger(span.end))) problems.push(`${what}: non-integer span ${JSON.stringify(span)}`);
    if (span.start < 0 || span.end > length || span.start > span.end) problems.push(`${what}: span ${span.start}-${span.end} outside 0-${length} or reversed`);
    if (outer && (span.start < outer.start || span.end > outer.end)) problems.push(`${what}: span ${span.start}-${span.end} outside its parent ${outer.start}-${outer.end}`);
  };
  let previousEnd = 0;
  for (const doc of parsed.documents) {
    const where = `document ${doc.index}`;
    check(doc.span, where);
    if (doc.span.start < previousEnd) problems.push(`${where}: starts at ${doc.span.start}, before the previous document ends at ${previousEnd}`);
    previousEnd = doc.span.end;
    for (const problem of doc.problems) check(problem.span, `${where} problem ${problem.code}`);
    if (doc.root) walk(doc.root, doc.span, `${where} root`, { text: parsed.text, check, report: (message) => problems.push(message) });
  }
  return problems;
}

interface Walk {
  readonly text: string;
  readonly check: (span: Span, what: string, outer?: Span) => void;
  readonly report: (message: string) => void;
}

function walk(node: YNode, parent: Span, path: string, w: Walk): void {
  w.check(node.span, path, parent);
  if ((node.kind === 'scalar' || node.kind === 'alias') && w.text.slice(node.span.start, node.span.end) !== node.source) {
    w.report(`${path}: source ${JSON.stringify(node.source)} is not the text of its span`);
  }
  if (node.kind === 'map') {
    for (const pair of node.items) {
      w.check(pair.span, `${path}.${pair.keyText} (pair)`, node.span);
      walk(pair.key, pair.span, `${path}.${pair.keyText} (key)`, w);
      if (pair.value) walk(pair.value, pair.span, `${path}.${pair.keyText}`, w);
    }
  }
  if (node.kind === 'seq') node.items.forEach((item, index) => walk(item, node.span, `${path}[${index}]`, w));
}
