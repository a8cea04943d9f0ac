/**
 * The model leaves out what it cannot read (a field of the wrong type, a list
 * item that is not a map). The API server rejects such a policy, so the engine
 * must not read the gap as "absent", which for `from`, `ports` or a selector
 * would mean "everything". This walk finds those gaps in the YAML itself.
 */
import { isNullish, type YMap, type YNode } from '../../parse/yaml-tree';
import type { NetworkPolicy } from '../../model/types';
import type { Problems } from './compile-parts';

type Shape = 'map' | 'seq';

const SPEC: Record<string, Shape> = { podSelector: 'map', policyTypes: 'seq', ingress: 'seq', egress: 'seq' };
const RULE: Record<string, Shape> = { from: 'seq', to: 'seq', ports: 'seq' };
const PEER: Record<string, Shape> = { podSelector: 'map', namespaceSelector: 'map', ipBlock: 'map' };
const IP_BLOCK: Record<string, Shape> = { except: 'seq' };

export function checkShapes(policy: NetworkPolicy, problems: Problems): void {
  const spec = policy.ref.node.items.find((p) => p.keyText === 'spec')?.value ?? null;
  // `spec:` with no value (or an alias) is nothing to walk: the model reads no rules from it either.
  if (!expect(spec, 'map', '"spec"', problems) || spec?.kind !== 'map') return;
  const specMap: YMap = spec;
  checkFields(specMap, SPEC, 'spec.', problems);
  for (const direction of ['ingress', 'egress'] as const) {
    for (const rule of seqItems(field(specMap, direction))) {
      if (!isNullish(rule) && !expect(rule, 'map', `Each ${direction} rule`, problems)) continue;
      if (rule.kind !== 'map') continue;
      checkFields(rule, RULE, '', problems);
      for (const peer of seqItems(field(rule, direction === 'ingress' ? 'from' : 'to'))) {
        if (!expect(peer, 'map', 'Each peer', problems)) continue;
        checkFields(peer as YMap, PEER, '', problems);
        const block = field(peer as YMap, 'ipBlock');
        if (block?.kind === 'map') checkFields(block, IP_BLOCK, 'ipBlock.', problems);
      }
      for (const port of seqItems(field(rule, 'ports'))) expect(port, 'map', 'Each port', problems);
    }
  }
}

function field(map: YMap, key: string): YNode | null {
  return map.items.find((p) => p.keyText === key)?.value ?? null;
}

function seqItems(node: YNode | null): readonly YNode[] {
  return node?.kind === 'seq' ? node.items : [];
}

function checkFields(map: YMap, shapes: Record<string, Shape>, prefix: string, problems: Problems): void {
  for (const pair of map.items) {
    const shape = shapes[pair.keyText];
    if (shape && !isNullish(pair.value)) expect(pair.value, shape, `"${prefix}${pair.keyText}"`, problems);
  }
}

/** True when the node has the shape; otherwise reports it. A missing node counts as right. */
function expect(node: YNode | null, shape: Shape, what: string, problems: Problems): boolean {
  if (node === null || node.kind === shape) return true;
  problems.list.push({ message: `${what} must be a ${shape === 'map' ? 'map' : 'list'}.`, source: { uri: problems.uri, span: node.span } });
  return false;
}
