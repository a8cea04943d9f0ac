/**
 * The fixes of the Kubernetes dialect: quick fixes keyed by finding code (they receive
 * the finding's data), and the refactorings and source actions offered by position.
 * Add a quick fix by adding its code here.
 */
import type { Span } from '../../../core/parse/yaml-tree';
import type { NetworkPolicy } from '../../../model/types';
import type { FileAnalysis } from '../../../analysis/file-analysis';
import { objectData, pathToSpan } from '../../../analysis/checks/finding-data';
import type { Fix, FixHooks } from '../../../analysis/fixes/fix';
import { kubernetesPoliciesOf } from '../reading';
import { allowDnsFix } from './allow-dns-fix';
import { defaultDenyAction } from './default-deny-action';
import { allowDnsTcpFix, egressOnlyTypesFix } from './dns-protocol-fixes';
import { mergePeersFix, splitIpBlockFix, splitPeerRefactor } from './peer-fixes';
import { addPolicyTypeFix, exceptMetadataFix } from './policy-fixes';
import { removeDuplicatePolicyTypeFix, removeSelectorValuesFix } from './removal-fixes';
import { emptySelectorFix, labelKeyFix, nearestLabelFix, quoteValueFix, renameFieldFix, replaceValueFix, swapPortRangeFix } from './value-fixes';

export const kubernetesFixes: FixHooks = {
  quickFixes: {
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
  },
  refactoringsAt,
  sourceActionsAt,
};

/** Refactorings at a position: splitting a merged peer. */
function refactoringsAt(analysis: FileAnalysis, span: Span): Fix[] {
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
function sourceActionsAt(analysis: FileAnalysis, span: Span): Fix[] {
  return policiesAt(analysis, span)
    .slice(0, 1)
    .map((policy) => defaultDenyAction(analysis, policy))
    .filter((f): f is Fix => f !== undefined);
}

function policiesAt(analysis: FileAnalysis, span: Span): NetworkPolicy[] {
  return kubernetesPoliciesOf(analysis).filter((p) => overlaps(p.ref.node.span, span));
}

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
