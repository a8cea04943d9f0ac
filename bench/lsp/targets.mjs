// @ts-check
/**
 * The performance targets the README states, checked against what this run measured.
 * A target whose inputs are missing (a size or a server was skipped, or a run failed)
 * is reported as "not measured" rather than passed or failed.
 */

/**
 * @typedef {object} SizeResult
 * @property {number} targetLines
 * @property {number} lines
 * @property {number} documents
 * @property {number} policies
 * @property {number} bytes
 * @property {Record<string, import('./measure-server.mjs').RunResult>} runs by server id
 * @property {Record<string, string>} errors by server id, for runs that failed
 *
 * @typedef {object} TargetResult
 * @property {string} id
 * @property {string} description
 * @property {'pass' | 'fail' | 'not measured'} status
 * @property {string} measured
 */

const OURS = 'netpol-lens';
const THEIRS = 'yaml-language-server';

/**
 * @param {SizeResult[]} sizes
 * @returns {TargetResult[]}
 */
export function checkTargets(sizes) {
  /** @param {number} lines */
  const size = (lines) => sizes.find((s) => s.targetLines === lines);
  const mid = size(5000);
  const big = size(50000);
  return [
    target('edit-5k-ratio', `edit → diagnostics at ~5,000 lines ≤ 1/10 of ${THEIRS}'s`, [mid?.runs[OURS]?.edits.medianMs, mid?.runs[THEIRS]?.edits.medianMs], ([ours, theirs]) => ({
      pass: ours <= theirs / 10,
      measured: `${ms(ours)} vs limit ${ms(theirs / 10)} (${ratio(ours, theirs)} of theirs)`,
    })),
    target('edit-50k', 'edit → diagnostics at ~50,000 lines < 50 ms', [big?.runs[OURS]?.edits.medianMs], ([ours]) => ({ pass: ours < 50, measured: ms(ours) })),
    target('hover-p95', 'hover p95 < 2 ms at every size', sizes.map((s) => s.runs[OURS]?.hover.p95), (p95) => ({
      pass: p95.every((p) => p < 2),
      measured: sizes.map((s, i) => `${s.lines} lines: ${ms(p95[i])}`).join(', '),
    })),
    target('rss-half', `RSS ≤ 1/2 of ${THEIRS}'s at every size`, sizes.flatMap((s) => [s.runs[OURS]?.memory.rssMiB, s.runs[THEIRS]?.memory.rssMiB]), (rss) => ({
      pass: sizes.every((_, i) => rss[2 * i] <= rss[2 * i + 1] / 2),
      measured: sizes.map((s, i) => `${s.lines} lines: ${ratio(rss[2 * i], rss[2 * i + 1])}`).join(', '),
    })),
  ];
}

/**
 * Evaluates a target once all of its inputs were measured.
 * @param {string} id
 * @param {string} description
 * @param {(number | undefined)[]} inputs
 * @param {(values: number[]) => { pass: boolean, measured: string }} evaluate
 * @returns {TargetResult}
 */
function target(id, description, inputs, evaluate) {
  /** @type {number[]} */
  const values = [];
  for (const value of inputs) {
    if (value === undefined || Number.isNaN(value)) return { id, description, status: 'not measured', measured: '-' };
    values.push(value);
  }
  if (values.length === 0) return { id, description, status: 'not measured', measured: '-' };
  const { pass, measured } = evaluate(values);
  return { id, description, status: pass ? 'pass' : 'fail', measured };
}

/** @param {number} value */
function ms(value) {
  return `${value.toFixed(1)} ms`;
}

/**
 * @param {number} ours
 * @param {number} theirs
 */
function ratio(ours, theirs) {
  return `${(ours / theirs).toFixed(2)}×`;
}
