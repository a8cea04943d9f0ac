/**
 * Offset -> the Calico policy node under the cursor and the exact span hovered.
 * As for Kubernetes policies, the YAML path says where the cursor is, and model
 * objects are found by node identity, so list positions stay right even when an
 * unreadable item was skipped by the model.
 */
import { deref, type Span, type YNode } from '../../../core/parse/yaml-tree';
import { policySelectors, type PlacedSelector } from '../model/selectors';
import type { CalicoPolicy, CalicoRule, RuleDirection } from '../model/types';
import { policyHitAt, type PathStep } from '../../../analysis/explain/yaml-path';

export type EntitySide = 'source' | 'destination';

export type CalicoTarget =
  | { readonly kind: 'policy' }
  | { readonly kind: 'namespace' }
  | { readonly kind: 'order' }
  | { readonly kind: 'tier' }
  | { readonly kind: 'types' }
  | { readonly kind: 'selector'; readonly placed: PlacedSelector }
  | { readonly kind: 'direction'; readonly direction: RuleDirection }
  | { readonly kind: 'rule'; readonly rule: CalicoRule }
  | { readonly kind: 'action'; readonly rule: CalicoRule }
  | { readonly kind: 'protocol'; readonly rule: CalicoRule; readonly field: 'protocol' | 'notProtocol' }
  | { readonly kind: 'icmp'; readonly rule: CalicoRule; readonly field: 'icmp' | 'notICMP' }
  | { readonly kind: 'entity'; readonly rule: CalicoRule; readonly side: EntitySide }
  | { readonly kind: 'nets'; readonly rule: CalicoRule; readonly side: EntitySide; readonly field: 'nets' | 'notNets' }
  | { readonly kind: 'ports'; readonly rule: CalicoRule; readonly side: EntitySide; readonly field: 'ports' | 'notPorts' }
  /** A field explained in a sentence or two: ipVersion, http, serviceAccounts, services, host-endpoint flags. */
  | { readonly kind: 'field'; readonly field: string };

export interface CalicoLocated {
  readonly policy: CalicoPolicy;
  readonly target: CalicoTarget;
  readonly span: Span;
}

type Steps = readonly PathStep[];

function keyOf(step: PathStep | undefined): string | undefined {
  return step && 'key' in step ? step.key : undefined;
}

function nodeOf(step: PathStep | undefined): YNode | undefined {
  return step && 'node' in step ? (deref(step.node) ?? undefined) : undefined;
}

export function locateCalico(policies: readonly CalicoPolicy[], text: string, offset: number): CalicoLocated | null {
  const found = policyHitAt(policies, text, offset);
  const target = found && rootTarget(found.policy, found.hit.path);
  return found && target ? { policy: found.policy, target, span: found.hit.span } : null;
}

const POLICY: CalicoTarget = { kind: 'policy' };
const HOST_FLAGS = ['doNotTrack', 'preDNAT', 'applyOnForward', 'performanceHints'];

function rootTarget(policy: CalicoPolicy, steps: Steps): CalicoTarget | null {
  const key = keyOf(steps[0]);
  if (key === 'apiVersion' || key === 'kind') return POLICY;
  if (key === 'metadata') {
    const field = keyOf(steps[1]);
    if (field === undefined || field === 'name') return POLICY;
    return field === 'namespace' ? { kind: 'namespace' } : null;
  }
  if (key !== 'spec') return null;
  if (steps.length === 1) return POLICY;
  return specTarget(policy, steps.slice(1));
}

function specTarget(policy: CalicoPolicy, steps: Steps): CalicoTarget | null {
  const key = keyOf(steps[0]) ?? '';
  if (key === 'order' || key === 'tier' || key === 'types') return { kind: key };
  if (key === 'selector' || key === 'namespaceSelector' || key === 'serviceAccountSelector') return selectorTarget(policy, `spec.${key}`);
  if (key === 'ingress' || key === 'egress') {
    const rule = policy.spec[key]?.items.find((r) => r.node === nodeOf(steps[1]));
    if (steps.length === 1 || !rule) return { kind: 'direction', direction: key };
    return steps.length === 2 ? { kind: 'rule', rule } : ruleTarget(policy, rule, steps.slice(2));
  }
  return HOST_FLAGS.includes(key) ? { kind: 'field', field: key } : null;
}

function selectorTarget(policy: CalicoPolicy, path: string): CalicoTarget | null {
  const placed = policySelectors(policy).find((p) => p.path === path);
  return placed ? { kind: 'selector', placed } : null;
}

function ruleTarget(policy: CalicoPolicy, rule: CalicoRule, steps: Steps): CalicoTarget | null {
  const key = keyOf(steps[0]) ?? '';
  switch (key) {
    case 'action':
      return { kind: 'action', rule };
    case 'protocol':
    case 'notProtocol':
      return { kind: 'protocol', rule, field: key };
    case 'source':
    case 'destination':
      return steps.length === 1 ? { kind: 'entity', rule, side: key } : entityTarget(policy, rule, key, steps.slice(1));
    case 'icmp':
    case 'notICMP':
      return { kind: 'icmp', rule, field: key };
    case 'ipVersion':
    case 'http':
    case 'metadata':
      return { kind: 'field', field: key };
    default:
      return { kind: 'rule', rule };
  }
}

function entityTarget(policy: CalicoPolicy, rule: CalicoRule, side: EntitySide, steps: Steps): CalicoTarget | null {
  const key = keyOf(steps[0]) ?? '';
  const prefix = `spec.${rule.direction}[${rule.index}].${side}`;
  if (key === 'selector' || key === 'notSelector' || key === 'namespaceSelector') return selectorTarget(policy, `${prefix}.${key}`);
  if (key === 'nets' || key === 'notNets') return { kind: 'nets', rule, side, field: key };
  if (key === 'ports' || key === 'notPorts') return { kind: 'ports', rule, side, field: key };
  if (key === 'serviceAccounts' || key === 'services') {
    return keyOf(steps[1]) === 'selector' ? selectorTarget(policy, `${prefix}.serviceAccounts.selector`) : { kind: 'field', field: key };
  }
  return { kind: 'entity', rule, side };
}
