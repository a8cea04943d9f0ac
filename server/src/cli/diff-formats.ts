/**
 * `diff` renderings, as netpol-analyzer's diff prints them: the rows grouped
 * changed, added, removed, each group sorted by its printed line; txt under
 * `Connectivity diff:`, csv and Markdown with a header row, and JSON. The two sides
 * are named by the header fields (`ref1`, `ref2`). `parseTxtRows` reads the text back.
 */
import type { DiffRow, DiffType } from '../workspace/reach-diff';
import { csvField } from './reach-formats';

const ORDER: readonly DiffType[] = ['changed', 'added', 'removed'];
const REF1 = 'ref1';
const REF2 = 'ref2';

function ordered(rows: readonly DiffRow[], line: (row: DiffRow) => string): string[] {
  return ORDER.flatMap((type) =>
    rows
      .filter((r) => r.diffType === type)
      .map(line)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

function txtLine(r: DiffRow): string {
  const line = `diff-type: ${r.diffType}, source: ${r.source}, destination: ${r.destination}, ${REF1}: ${r.ref1}, ${REF2}: ${r.ref2}`;
  return r.workloadsDiffInfo ? `${line}, workloads-diff-info: ${r.workloadsDiffInfo}` : line;
}

export function diffTxtLines(rows: readonly DiffRow[]): string[] {
  return ['Connectivity diff:', ...ordered(rows, txtLine)];
}

export function diffCsvLines(rows: readonly DiffRow[]): string[] {
  const fields = (r: DiffRow): string[] => [r.diffType, r.source, r.destination, r.ref1, r.ref2, r.workloadsDiffInfo];
  // Sorted as netpol-analyzer sorts them: by the fields joined with ';', before quoting.
  const byKey = new Map(rows.map((r) => [fields(r).join(';'), r]));
  const keys = ordered(rows, (r) => fields(r).join(';'));
  return [['diff-type', 'source', 'destination', REF1, REF2, 'workloads-diff-info'].join(','), ...keys.map((k) => fields(byKey.get(k)!).map(csvField).join(','))];
}

export function diffMdLines(rows: readonly DiffRow[]): string[] {
  return [
    `| diff-type | source | destination | ${REF1} | ${REF2} | workloads-diff-info |`,
    '|-----------|--------|-------------|------|------|---------------------|',
    ...ordered(rows, (r) => `| ${r.diffType} | ${r.source} | ${r.destination} | ${r.ref1} | ${r.ref2} | ${r.workloadsDiffInfo} |`),
  ];
}

export function diffJsonLines(rows: readonly DiffRow[], ref1: string, ref2: string): string[] {
  const byLine = new Map(rows.map((r) => [txtLine(r), r]));
  const sorted = ordered(rows, txtLine).map((l) => byLine.get(l)!);
  return JSON.stringify({ ref1, ref2, diff: sorted }, null, 2).split('\n');
}

const TXT_ROW = /^diff-type: (changed|added|removed), source: (.+?), destination: (.+?), ref1: (.+?), ref2: (.+?)(?:, workloads-diff-info: (.+))?$/;

/** The rows of `diff` text output; connections never hold ", ref" or ", workloads-diff-info:", so the fields split unambiguously. */
export function parseTxtRows(lines: readonly string[]): DiffRow[] {
  return lines.slice(1).flatMap((line) => {
    const m = TXT_ROW.exec(line);
    return m ? [{ diffType: m[1] as DiffType, source: m[2]!, destination: m[3]!, ref1: m[4]!, ref2: m[5]!, workloadsDiffInfo: m[6] ?? '' }] : [];
  });
}
