/**
 * The registry of fixes. Quick fixes are keyed by finding code and receive the
 * finding's data; refactorings and source actions are offered by position. Add a
 * quick fix by adding its code here.
 */
import type { Span } from '../../core/parse/yaml-tree';
import type { NetworkPolicy } from '../../model/types';
import type { FileAnalysis } from '../analyze-file';
import type { FindingData } from '../../core/finding';
import { objectData, pathToSpan } from '../../dialects/kubernetes/checks/finding-data';
import { allowDnsFix } from '../../dialects/kubernetes/fixes/allow-dns-fix';
import { calicoDnsFix } from '../../dialects/calico/fixes/calico-dns-fix';
import { defaultDenyAction } from '../../dialects/kubernetes/fixes/default-deny-action';
import { allowDnsTcpFix, egressOnlyTypesFix } from '../../dialects/kubernetes/fixes/dns-protocol-fixes';
import type { Fix, FindingFix } from './fix';
import { mergePeersFix, splitIpBlockFix, splitPeerRefactor } from '../../dialects/kubernetes/fixes/peer-fixes';
import { addPolicyTypeFix, exceptMetadataFix } from '../../dialects/kubernetes/fixes/policy-fixes';
import { removeDuplicatePolicyTypeFix, removeSelectorValuesFix } from './removal-fixes';
import { emptySelectorFix, labelKeyFix, nearestLabelFix, quoteValueFix, renameFieldFix, replaceValueFix, swapPortRangeFix } from './value-fixes';

const QUICK_FIXES: Readonly<Record<string, readonly FindingFix[]>> = {
  'netpol/egress-without-dns': [allowDnsFix],
  'netpol/dns-udp-only': [allowDnsTcpFix],
  'netpol/implied-ingress-isolation': [egressOnlyTypesFix],
  'netpol/egress-to-metadata': [exceptMetadataFix],
  'netpol/separate-peers': [mergePeersFix],
  'netpol/ignored-rules': [addPolicyTypeFix],
  'netpol/ipblock-with-selector': [splitIpBlockFix],
  'netpol/empty-peer': [emptySelectorFix],
  'netpol/null-selector': [emptySelectorFix],
  'netpol/unknown-field': [renameFieldFix],
  'netpol/wrong-type': [quoteValueFix],
  'netpol/invalid-protocol': [replaceValueFix],
  'netpol/invalid-operator': [replaceValueFix],
  'netpol/invalid-policy-type': [replaceValueFix],
  'netpol/invalid-port': [replaceValueFix],
  'netpol/yaml-legacy-number': [replaceValueFix],
  'netpol/invalid-cidr': [replaceValueFix],
  'netpol/cidr-host-bits': [replaceValueFix],
  'netpol/non-standard-cidr': [replaceValueFix],
  'netpol/invalid-name': [replaceValueFix],
  'netpol/invalid-namespace': [replaceValueFix],
  'netpol/unsupported-api-version': [replaceValueFix],
  'netpol/duplicate-policy-type': [removeDuplicatePolicyTypeFix],
  'netpol/selector-values-forbidden': [removeSelectorValuesFix],
  'netpol/invalid-label-key': [labelKeyFix],
  'netpol/invalid-annotation-key': [labelKeyFix],
  'netpol/invalid-end-port': [swapPortRangeFix],
  'netpol/selects-nothing': [nearestLabelFix],
  'netpol/peer-matches-nothing': [nearestLabelFix],
  'calico/egress-without-dns': [calicoDnsFix],
};

/** The quick fixes for one finding. A fix that throws is a bug; it is dropped, not fatal. */
export function quickFixes(analysis: FileAnalysis, code: string, data: FindingData | undefined): Fix[] {
  if (!data) return [];
  const fixes = Object.prototype.hasOwnProperty.call(QUICK_FIXES, code) ? QUICK_FIXES[code]! : [];
  return fixes.map((fix) => tryFix(fix, analysis, data)).filter((f): f is Fix => f !== undefined && f.edits.length > 0);
}

function tryFix(fix: FindingFix, analysis: FileAnalysis, data: FindingData): Fix | undefined {
  try {
    return fix(analysis, data);
  } catch {
    // Data comes from the client and may be malformed in ways no type guard foresaw.
    return undefined;
  }
}

/** Refactorings at a position: splitting a merged peer. */
export function refactoringsAt(analysis: FileAnalysis, span: Span): Fix[] {
  const fixes: Fix[] = [];
  for (const policy of policiesAt(analysis, span)) {
    for (const rule of [...(policy.spec.ingress?.items ?? []), ...(policy.spec.egress?.items ?? [])]) {
      for (const peer of rule.peers?.items ?? []) {
        if (!overlaps(peer.span, span)) continue;
        const path = pathToSpan(policy.ref.node, peer.node.span);
        const fix = path && splitPeerRefactor(analysis, objectData(policy.ref), path);
        if (fix) fixes.push(fix);
      }
    }
  }
  return fixes;
}

/** Source actions at a position: a default-deny policy for the namespace of the policy there. */
export function sourceActionsAt(analysis: FileAnalysis, span: Span): Fix[] {
  return policiesAt(analysis, span)
    .slice(0, 1)
    .map((policy) => defaultDenyAction(analysis, policy))
    .filter((f): f is Fix => f !== undefined);
}

function policiesAt(analysis: FileAnalysis, span: Span): NetworkPolicy[] {
  return analysis.policies.filter((p) => overlaps(p.ref.node.span, span));
}

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
