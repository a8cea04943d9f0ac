/**
 * Offset -> the innermost meaningful model node under the cursor (a selector, a
 * peer, a port, ...) and the exact span hovered. The YAML path says where the
 * cursor is; the model objects are found by node identity, so list positions
 * stay right even when an unreadable item was skipped by the model.
 */
import { deref, isNullish, type YNode } from '../../../core/parse/yaml-tree';
import type { Direction, IpBlock, LabelSelector, NetworkPolicy, Peer, PolicyRule, PortSpec } from '../../../model/types';
import type { ExplainTarget, Located, SelectorContext } from './target';
import { policyHitAt, type PathStep } from '../../../analysis/explain/yaml-path';

type Steps = readonly PathStep[];

const POLICY: ExplainTarget = { kind: 'policy' };

export function locate(policies: readonly NetworkPolicy[], text: string, offset: number): Located | null {
  const found = policyHitAt(policies, text, offset);
  const target = found && rootTarget(found.policy, found.hit.path);
  return found && target ? { policy: found.policy, target, span: found.hit.span, raw: found.hit.node } : null;
}

function keyOf(step: PathStep | undefined): string | undefined {
  return step && 'key' in step ? step.key : undefined;
}

/** The node a list step leads to, looking through an alias as the model does. */
function nodeOf(step: PathStep | undefined): YNode | undefined {
  return step && 'node' in step ? (deref(step.node) ?? undefined) : undefined;
}

function unknown(field: string, owner: string, expected: readonly string[]): ExplainTarget {
  return { kind: 'unknown-field', field, owner, expected };
}

function rootTarget(policy: NetworkPolicy, steps: Steps): ExplainTarget | null {
  const key = keyOf(steps[0]);
  if (key === 'apiVersion' || key === 'kind') return POLICY;
  if (key === 'metadata') return metadataTarget(keyOf(steps[1]));
  if (key === 'spec') return steps.length === 1 ? POLICY : specTarget(policy, steps.slice(1));
  // `status` and other top-level fields say nothing about traffic.
  return null;
}

function metadataTarget(key: string | undefined): ExplainTarget | null {
  if (key === undefined || key === 'name') return POLICY;
  if (key === 'namespace') return { kind: 'namespace' };
  if (key === 'labels' || key === 'annotations') return { kind: 'policy-labels', field: key };
  return null;
}

function specTarget(policy: NetworkPolicy, steps: Steps): ExplainTarget | null {
  const key = keyOf(steps[0]) ?? '';
  const spec = policy.spec;
  switch (key) {
    case 'podSelector':
      return spec.podSelector ? selectorTarget(spec.podSelector, { role: 'policy' }, steps) : wrongSelector(key);
    case 'policyTypes': {
      const item = steps[1] && 'index' in steps[1] ? steps[1].index : undefined;
      return item === undefined ? { kind: 'policy-types' } : { kind: 'policy-types', item };
    }
    case 'ingress':
    case 'egress':
      return directionTarget(policy, key, steps);
    default:
      return unknown(key, '`spec`', ['podSelector', 'policyTypes', 'ingress', 'egress']);
  }
}

function wrongSelector(field: string): ExplainTarget {
  return { kind: 'wrong-shape', field, expected: 'a label selector: `{}`, or a map with `matchLabels` and/or `matchExpressions`' };
}

function directionTarget(policy: NetworkPolicy, direction: Direction, steps: Steps): ExplainTarget {
  const list = policy.spec[direction];
  if (!list) return { kind: 'wrong-shape', field: direction, expected: `a list of rules, each starting with \`- ${peersKey(direction)}:\` or \`- ports:\`` };
  const rule = list.items.find((r) => r.node === nodeOf(steps[1]));
  if (steps.length === 1 || !rule) return { kind: 'direction', direction };
  return steps.length === 2 ? { kind: 'rule', rule } : ruleTarget(rule, steps.slice(2));
}

function peersKey(direction: Direction): 'from' | 'to' {
  return direction === 'ingress' ? 'from' : 'to';
}

function ruleTarget(rule: PolicyRule, steps: Steps): ExplainTarget {
  const key = keyOf(steps[0]) ?? '';
  const peers = peersKey(rule.direction);
  if (key === peers) return peersTarget(rule, steps);
  if (key === 'ports') return portsTarget(rule, steps);
  return unknown(key, `an ${rule.direction} rule`, [peers, 'ports']);
}

function peersTarget(rule: PolicyRule, steps: Steps): ExplainTarget {
  const key = peersKey(rule.direction);
  if (!rule.peers) return { kind: 'wrong-shape', field: key, expected: 'a list of peers, each starting with `- podSelector:`, `- namespaceSelector:` or `- ipBlock:`' };
  if (steps.length === 1) return { kind: 'peers', rule };
  const peer = rule.peers.items.find((p) => p.node === nodeOf(steps[1]));
  if (!peer) return { kind: 'wrong-shape', field: `${key} item`, expected: 'a map with `podSelector`, `namespaceSelector` and/or `ipBlock`' };
  return steps.length === 2 ? { kind: 'peer', rule, peer } : peerTarget(rule, peer, steps.slice(2));
}

function peerTarget(rule: PolicyRule, peer: Peer, steps: Steps): ExplainTarget {
  const key = keyOf(steps[0]) ?? '';
  if (key === 'podSelector' || key === 'namespaceSelector') {
    const selector = peer[key];
    const context: SelectorContext = { role: key === 'podSelector' ? 'peer-pods' : 'peer-namespaces', rule, peer };
    if (selector) return selectorTarget(selector, context, steps);
    const written = steps[0] && 'pair' in steps[0] ? steps[0].pair.value : null;
    return isNullish(deref(written)) ? { kind: 'null-peer-selector', field: key } : wrongSelector(key);
  }
  if (key === 'ipBlock') {
    return peer.ipBlock ? ipBlockTarget(rule, peer, peer.ipBlock, steps) : { kind: 'wrong-shape', field: key, expected: 'a map with `cidr` (and optionally `except`)' };
  }
  return unknown(key, `a \`${peersKey(rule.direction)}\` item`, ['podSelector', 'namespaceSelector', 'ipBlock']);
}

function ipBlockTarget(rule: PolicyRule, peer: Peer, ipBlock: IpBlock, steps: Steps): ExplainTarget {
  const base = { kind: 'ip-block', rule, peer, ipBlock } as const;
  const key = keyOf(steps[1]);
  if (key === undefined) return { ...base, focus: { part: 'ipBlock' } };
  if (key === 'cidr') return { ...base, focus: { part: 'cidr' } };
  if (key !== 'except') return unknown(key, '`ipBlock`', ['cidr', 'except']);
  const node = nodeOf(steps[2]);
  const index = node ? ipBlock.except.findIndex((e) => e.span.start === node.span.start) : -1;
  return { ...base, focus: index < 0 ? { part: 'except' } : { part: 'except-item', index } };
}

function portsTarget(rule: PolicyRule, steps: Steps): ExplainTarget {
  if (!rule.ports) return { kind: 'wrong-shape', field: 'ports', expected: 'a list of ports, each like `- protocol: TCP` / `  port: 80`' };
  if (steps.length === 1) return { kind: 'ports', rule };
  const port: PortSpec | undefined = rule.ports.items.find((p) => p.node === nodeOf(steps[1]));
  if (!port) return { kind: 'wrong-shape', field: 'ports item', expected: 'a map with `protocol`, `port` and/or `endPort`' };
  const key = keyOf(steps[2]);
  if (key === undefined) return { kind: 'port', rule, port, focus: 'entry' };
  if (key === 'port' || key === 'endPort' || key === 'protocol') return { kind: 'port', rule, port, focus: key };
  return unknown(key, 'a `ports` item', ['protocol', 'port', 'endPort']);
}

/** `steps[0]` is the selector's own key (`podSelector` or `namespaceSelector`). */
function selectorTarget(selector: LabelSelector, context: SelectorContext, steps: Steps): ExplainTarget {
  const base = { kind: 'selector', selector, context } as const;
  const key = keyOf(steps[1]);
  if (steps.length === 1) return { ...base, focus: { part: 'selector' } };
  if (key === 'matchLabels') {
    const labelKey = steps[2] && 'pair' in steps[2] ? steps[2].pair.key.span.start : undefined;
    const index = selector.matchLabels.findIndex((e) => e.key.span.start === labelKey);
    return { ...base, focus: index < 0 ? { part: 'matchLabels' } : { part: 'label', index } };
  }
  if (key === 'matchExpressions') {
    const node = nodeOf(steps[2]);
    const index = node ? selector.matchExpressions.findIndex((r) => r.span.start === node.span.start) : -1;
    const field = keyOf(steps[3]);
    if (field !== undefined && !['key', 'operator', 'values'].includes(field)) return unknown(field, 'a `matchExpressions` item', ['key', 'operator', 'values']);
    return { ...base, focus: index < 0 ? { part: 'matchExpressions' } : { part: 'requirement', index } };
  }
  return unknown(key ?? '', `\`${keyOf(steps[0]) ?? 'podSelector'}\``, ['matchLabels', 'matchExpressions']);
}
