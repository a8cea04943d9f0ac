/**
 * The diagnostics of a file put its workspace findings among its own by merging two sorted
 * lists; the result must be the very order sortFindings gives the two lists together,
 * ties (same place, severity and code) included, since a client shows them in that order.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { finding, mergeSortedFindings, sortFindings, type Finding, type Severity } from '../../server/src/core/finding';

/** Findings at few places with few codes, so that ties are common. */
const findings = fc.array(
  fc.record({
    start: fc.nat({ max: 6 }),
    length: fc.nat({ max: 2 }),
    severity: fc.constantFrom<Severity>('error', 'warning', 'information', 'hint'),
    code: fc.constantFrom('netpol/a', 'netpol/b', 'calico/a'),
    message: fc.string({ maxLength: 3 }),
  }),
  { maxLength: 25 },
);

function toFindings(records: readonly { start: number; length: number; severity: Severity; code: string; message: string }[]): Finding[] {
  return records.map((r) => finding(r.code, r.severity, r.message, { start: r.start, end: r.start + r.length }));
}

test('merging a sorted list with the sorted extra findings gives the order of sorting both together', () => {
  fc.assert(
    fc.property(findings, findings, (own, extra) => {
      const first = sortFindings(toFindings(own));
      const second = toFindings(extra);
      const merged = mergeSortedFindings(first, sortFindings(second));
      const sorted = sortFindings([...first, ...second]);
      // The same objects in the same order: equal-looking findings must not swap either.
      assert.equal(merged.length, sorted.length);
      merged.forEach((f, i) => assert.ok(f === sorted[i], `position ${i} differs`));
    }),
    { seed: 20261207, numRuns: 2000 },
  );
});
