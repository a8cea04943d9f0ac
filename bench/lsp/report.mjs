// @ts-check
/**
 * Renders the results as plain-text tables: one block per manifest size with a column
 * per server and a ratio column (ours / theirs, so below 1 means we are faster or
 * smaller), then the README targets.
 */

/**
 * @typedef {import('./targets.mjs').SizeResult} SizeResult
 * @typedef {import('./measure-server.mjs').RunResult} RunResult
 * @typedef {Record<string, unknown>} Numbers a summary whose named fields are numbers
 */

/** @param {number | undefined} value */
function num(value, digits = 1) {
  return typeof value === 'number' && !Number.isNaN(value) ? value.toFixed(digits) : '-';
}

/**
 * `a / b / c` for several numbers, or `n/a` when the server lacks the feature.
 * @param {Numbers | null} summary
 * @param {string[]} keys
 */
function several(summary, keys, digits = 2) {
  if (summary === null) return 'n/a';
  return keys.map((key) => num(Number(summary[key]), digits)).join(' / ');
}

/**
 * @param {Numbers | null} ours
 * @param {Numbers | null} theirs
 * @param {string[]} keys
 */
function ratios(ours, theirs, keys) {
  if (!ours || !theirs) return '-';
  return keys.map((key) => `${num(Number(ours[key]) / Number(theirs[key]), 2)}×`).join(' / ');
}

/**
 * The rows of one size: label, unit, how to read a run, and how to compare two runs.
 * @type {{ label: string, unit: string, cell: (run: RunResult) => string, ratio: (ours: RunResult, theirs: RunResult) => string }[]}
 */
const ROWS = [
  { label: 'open → diagnostics', unit: 'ms', cell: (r) => num(r.openMs), ratio: (a, b) => ratios({ openMs: a.openMs }, { openMs: b.openMs }, ['openMs']) },
  { label: '  same text, outside the folder', unit: 'ms', cell: (r) => num(r.outsideOpenMs), ratio: (a, b) => ratios({ ms: a.outsideOpenMs }, { ms: b.outsideOpenMs }, ['ms']) },
  { label: 'edit → diagnostics, median', unit: 'ms', cell: (r) => num(r.edits.medianMs), ratio: (a, b) => ratios(a.edits, b.edits, ['medianMs']) },
  { label: '  same, minus fixed delay', unit: 'ms', cell: (r) => `${num(r.edits.medianWithoutDelayMs)} (-${r.validationDelayMs})`, ratio: (a, b) => ratios(a.edits, b.edits, ['medianWithoutDelayMs']) },
  { label: '  server CPU per edit', unit: 'ms', cell: (r) => num(r.edits.cpuMsPerEdit, 0), ratio: (a, b) => ratios(a.edits, b.edits, ['cpuMsPerEdit']) },
  { label: 'hover p50 / p95 / max', unit: 'ms', cell: (r) => several(r.hover, ['p50', 'p95', 'max']), ratio: (a, b) => ratios(a.hover, b.hover, ['p50', 'p95', 'max']) },
  { label: '  hovers with content', unit: '', cell: (r) => `${r.hover.answered}/${r.hover.n}`, ratio: () => '' },
  { label: 'completion p50 / p95', unit: 'ms', cell: (r) => several(r.completion, ['p50', 'p95']), ratio: (a, b) => ratios(a.completion, b.completion, ['p50', 'p95']) },
  { label: 'RSS after run / peak', unit: 'MiB', cell: (r) => several(r.memory, ['rssMiB', 'peakRssMiB'], 1), ratio: (a, b) => ratios(a.memory, b.memory, ['rssMiB', 'peakRssMiB']) },
  { label: '  above an idle node process', unit: 'MiB', cell: (r) => num(r.memory.aboveNodeMiB, 1), ratio: (a, b) => ratios(a.memory, b.memory, ['aboveNodeMiB']) },
  { label: 'diagnostics published', unit: '', cell: (r) => `${r.openDiagnostics}`, ratio: () => '' },
];

/**
 * @param {string[][]} rows
 * @param {('left' | 'right')[]} align
 */
function table(rows, align) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, c) => (align[c] === 'left' ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd()).join('\n');
}

/**
 * @param {SizeResult} size
 * @param {string[]} serverIds in column order; the first is ours
 * @param {Record<string, string>} labels
 */
export function renderSize(size, serverIds, labels) {
  const title = `${size.lines.toLocaleString('en-US')} lines · ${size.documents} documents · ${size.policies} NetworkPolicies`;
  const failures = serverIds.filter((id) => id in size.errors).map((id) => `  ${labels[id]} FAILED: ${size.errors[id]}`);
  const ok = serverIds.filter((id) => id in size.runs);
  if (ok.length === 0) return [title, ...failures].join('\n');
  const compare = ok.length === 2;
  const header = ['', 'unit', ...ok.map((id) => labels[id]), ...(compare ? ['ours/theirs'] : [])];
  const body = ROWS.map((row) => [row.label, row.unit, ...ok.map((id) => row.cell(size.runs[id])), ...(compare ? [row.ratio(size.runs[ok[0]], size.runs[ok[1]])] : [])]);
  return [title, table([header, ...body], ['left', 'left', ...ok.map(() => /** @type {const} */ ('right')), 'right']), ...failures].join('\n');
}

/** What the rows mean, printed once under the tables. */
export const NOTES = [
  'Notes:',
  '- Times run from writing the notification or request to the server until its answer arrives here.',
  '- "open": the manifest lies in the workspace folder, which netpol-lens indexed (and analysed) before; opening',
  '  it reuses that analysis. "outside the folder" opens the same text where no server has seen it before.',
  '- "minus fixed delay" subtracts the wait a server adds on purpose before validating: yaml-language-server',
  '  starts a 200 ms timer on every change and validates when it fires; netpol-lens only yields one tick.',
  '- "server CPU per edit" is user + system CPU time of the server process over the edits, divided by their',
  '  number (10 ms clock ticks); unlike wall time it hardly grows when other processes load the machine.',
  '- Hovers and completions are sent one at a time on selector keys; "with content" counts non-empty answers.',
  '- RSS is VmRSS / VmHWM (peak) of the server process, read from /proc at the end of the run.',
].join('\n');

/** @param {import('./targets.mjs').TargetResult[]} targets */
export function renderTargets(targets) {
  const rows = targets.map((t) => [t.status === 'pass' ? 'PASS' : t.status === 'fail' ? 'FAIL' : '-', t.description, t.measured]);
  return ['Targets (measured in this run)', table([['', 'target', 'measured'], ...rows], ['left', 'left', 'left'])].join('\n');
}
