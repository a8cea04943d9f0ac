/**
 * Peers and ports of a rule, compiled. Whether the API server would accept them is
 * not decided here: the checks decide it once (analysis/rejections.ts), and only a
 * policy without rejections is compiled. A part the engine still cannot read is
 * reported as a gap, which means a check is missing (the property tests look for it).
 */
import type { IpBlock, Peer, PortSpec } from '../../../model/types';
import { compileSelector, type CompiledSelector } from '../../../model/selectors';
import { connectionsOf, isProtocol, type ConnectionSet } from '../../../ir/connection-set';
import { resolveNamedPort, type DeclaredPort } from '../../../ir/rule-ports';
import { parseCidr, rangeContains, type IpRange } from '../../../ir/ip-range';
import { ALL_PORTS, MAX_PORT, MIN_PORT, portRange } from '../../../ir/port-set';
import type { CompiledPeer, CompiledPort } from './compiled-types';
import type { PolicyProblem, SourceRef } from '../../../ir/policy-ir';

/** What the engine could not read in a policy the checks accepted. */
export interface Gaps {
  readonly uri: string;
  readonly list: PolicyProblem[];
}

export function reportGap(gaps: Gaps, what: string, source: SourceRef): void {
  gaps.list.push({ message: `Internal error: no check rejects this policy, yet the reachability engine cannot read ${what}.`, source });
}

export function compilePeer(peer: Peer, gaps: Gaps): CompiledPeer | undefined {
  const source = { uri: gaps.uri, span: peer.span };
  if (peer.ipBlock) return compileIpBlock(peer.ipBlock, gaps, source);
  if (!peer.podSelector && !peer.namespaceSelector) {
    reportGap(gaps, 'a peer without selectors', source);
    return undefined;
  }
  const podSelector = peer.podSelector ? selector(peer.podSelector, gaps, source) : undefined;
  const namespaceSelector = peer.namespaceSelector ? selector(peer.namespaceSelector, gaps, source) : undefined;
  return { kind: 'pods', ...(podSelector && { podSelector }), ...(namespaceSelector && { namespaceSelector }), source };
}

function selector(written: NonNullable<Peer['podSelector']>, gaps: Gaps, source: SourceRef): CompiledSelector {
  const result = compileSelector(written);
  if (result.problems.length > 0) reportGap(gaps, 'a selector', source);
  return result.selector;
}

function compileIpBlock(block: IpBlock, gaps: Gaps, source: SourceRef): CompiledPeer | undefined {
  const cidr = block.cidr ? parseCidr(block.cidr.value) : undefined;
  if (!block.cidr || !cidr) {
    reportGap(gaps, 'an ipBlock cidr', source);
    return undefined;
  }
  const except: IpRange[] = [];
  for (const written of block.except) {
    const range = parseCidr(written.value);
    if (range && rangeContains(cidr, range)) except.push(range);
    else reportGap(gaps, `except "${written.value}"`, source);
  }
  const text = block.except.length > 0 ? `${block.cidr.value} except ${block.except.map((e) => e.value).join(', ')}` : block.cidr.value;
  return { kind: 'ipBlock', cidr, except, text, source };
}

export function compilePort(port: PortSpec, gaps: Gaps): CompiledPort | undefined {
  const protocol = port.protocol?.value ?? 'TCP';
  const source = { uri: gaps.uri, span: port.span };
  if (!isProtocol(protocol)) {
    reportGap(gaps, `protocol "${protocol}"`, source);
    return undefined;
  }
  const value = port.port?.value;
  if (value === undefined) return { kind: 'numbers', protocol, ports: ALL_PORTS, source };
  if (typeof value === 'string') return { kind: 'named', protocol, name: value, source };
  const end = port.endPort?.value ?? value;
  if (!Number.isInteger(value) || !Number.isInteger(end) || value < MIN_PORT || end < value || end > MAX_PORT) {
    reportGap(gaps, `port ${value}${port.endPort ? `-${end}` : ''}`, source);
    return undefined;
  }
  return { kind: 'numbers', protocol, ports: portRange(value, end), source };
}

/** What one port entry allows towards a destination that declares `declared` (a named port resolves there). */
export function portConnections(port: CompiledPort, declared: readonly DeclaredPort[]): ConnectionSet {
  return connectionsOf(port.protocol, port.kind === 'numbers' ? port.ports : resolveNamedPort(port.name, port.protocol, declared));
}
