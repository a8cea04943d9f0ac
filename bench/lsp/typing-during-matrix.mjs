// @ts-check
/**
 * Typing latency while a reachability matrix is being computed. The matrix is forced to
 * a full rebuild (a workload is relabelled just before it is asked for); while it runs,
 * one character at a time is typed into a policy buffer outside the workspace (so the
 * typing does not change the workspace and restart the matrix), waiting for each
 * version's diagnostics, and a hover is asked on a policy of the workspace after each
 * edit. Every sample is taken while the matrix request is unanswered. Numbers only.
 */
import { performance } from 'node:perf_hooks';
import { LspSession } from './lsp-session.mjs';
import { latencySummary } from './stats.mjs';

const DEADLINE_MS = 300_000;

const SCRATCH_URI = 'untitled:typing-during-matrix.yaml';
const SCRATCH_POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: scratch
  namespace: ns-07
spec:
  podSelector:
    matchLabels:
      tier: web
  policyTypes: [Ingress]
  ingress:
  - from:
    - podSelector: {}
`;
const TYPED_AT = { line: 3, character: 'name: scratch'.length + 2 };

/**
 * @param {LspSession} session a session whose index is ready, with `workloads` and `policies` open
 * @param {{ workloadsUri: string, relabelAt: { line: number, character: number }, hoverUri: string, hoverAt: { line: number, character: number }, rounds: number }} where
 */
export async function typingDuringMatrix(session, where) {
  await session.open(SCRATCH_URI, SCRATCH_POLICY);
  /** @type {number[]} */
  const edits = [];
  /** @type {number[]} */
  const hovers = [];
  /** @type {number[]} */
  const matrices = [];
  for (let round = 0; round < where.rounds; round++) {
    const afterRelabel = session.seq;
    const version = await session.change(where.workloadsUri, { start: where.relabelAt, end: { line: where.relabelAt.line, character: where.relabelAt.character + 1 } }, round % 2 === 0 ? 'T' : 't');
    await session.nextDiagnostics(where.workloadsUri, afterRelabel, version, DEADLINE_MS);
    let answered = false;
    const requested = performance.now();
    const matrix = session.request('netpolLens/reachabilityMatrix', {}, 'a reachability matrix', DEADLINE_MS).then(() => {
      answered = true;
      matrices.push(performance.now() - requested);
    });
    for (let typed = 0; !answered; typed++) {
      const afterSeq = session.seq;
      const started = performance.now();
      const range = typed % 2 === 0 ? { start: TYPED_AT, end: TYPED_AT } : { start: TYPED_AT, end: { line: TYPED_AT.line, character: TYPED_AT.character + 1 } };
      const typedVersion = await session.change(SCRATCH_URI, range, typed % 2 === 0 ? 'x' : '');
      await session.nextDiagnostics(SCRATCH_URI, afterSeq, typedVersion, DEADLINE_MS);
      if (!answered) edits.push(performance.now() - started);
      const hoverStarted = performance.now();
      await session.request('textDocument/hover', { textDocument: { uri: where.hoverUri }, position: where.hoverAt }, 'a hover', DEADLINE_MS);
      if (!answered) hovers.push(performance.now() - hoverStarted);
    }
    await matrix;
  }
  await session.close(SCRATCH_URI);
  return { edits: latencySummary(edits), hovers: latencySummary(hovers), matrix: latencySummary(matrices) };
}

/**
 * @param {string} what
 * @param {{ n: number, p50: number, p95: number, max: number }} summary
 */
export function latencyRow(what, summary) {
  return `  ${what.padEnd(58)} p50 ${summary.p50.toFixed(1).padStart(7)} ms  p95 ${summary.p95.toFixed(1).padStart(7)} ms  max ${summary.max.toFixed(1).padStart(7)} ms  (n=${summary.n})`;
}
