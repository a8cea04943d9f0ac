/**
 * Peers and ports of a rule, compiled and validated as the API server validates
 * NetworkPolicyPeer and NetworkPolicyPort.
 */
import type { IpBlock, Peer, PortSpec, Span } from '../../model/types';
import { compileSelector, type CompiledSelector } from '../selectors';
import { isProtocol } from './connection-set';
import { parseCidr, rangeContains, type IpRange } from './ip-range';
import { ALL_PORTS, MAX_PORT, MIN_PORT, portRange } from './port-set';
import type { CompiledPeer, CompiledPort, PolicyProblem } from './types';

export interface Problems {
  readonly uri: string;
  readonly list: PolicyProblem[];
}

function report(problems: Problems, message: string, span: Span): void {
  problems.list.push({ message, source: { uri: problems.uri, span } });
}

export function compilePeer(peer: Peer, problems: Problems): CompiledPeer | undefined {
  const source = { uri: problems.uri, span: peer.span };
  const count = [peer.podSelector, peer.namespaceSelector, peer.ipBlock].filter((x) => x !== undefined).length;
  if (count === 0) {
    report(problems, 'A peer must set podSelector, namespaceSelector or ipBlock.', peer.span);
    return undefined;
  }
  if (peer.ipBlock) {
    if (count > 1) report(problems, 'A peer with ipBlock may not also have a podSelector or namespaceSelector.', peer.ipBlock.keySpan ?? peer.span);
    return compileIpBlock(peer.ipBlock, problems, source);
  }
  const podSelector = peer.podSelector ? selector(peer.podSelector, problems) : undefined;
  const namespaceSelector = peer.namespaceSelector ? selector(peer.namespaceSelector, problems) : undefined;
  return { kind: 'pods', ...(podSelector && { podSelector }), ...(namespaceSelector && { namespaceSelector }), source };
}

function selector(written: NonNullable<Peer['podSelector']>, problems: Problems): CompiledSelector {
  const result = compileSelector(written);
  for (const p of result.problems) report(problems, p.message, p.span);
  return result.selector;
}

function compileIpBlock(block: IpBlock, problems: Problems, source: CompiledPeer['source']): CompiledPeer | undefined {
  if (!block.cidr) {
    report(problems, 'An ipBlock needs a cidr.', block.keySpan ?? block.span);
    return undefined;
  }
  const cidr = parseCidr(block.cidr.value);
  if (!cidr) {
    report(problems, `"${block.cidr.value}" is not a valid CIDR.`, block.cidr.span);
    return undefined;
  }
  const except: IpRange[] = [];
  for (const written of block.except) {
    const range = parseCidr(written.value);
    if (!range) report(problems, `"${written.value}" is not a valid CIDR.`, written.span);
    else if (!rangeContains(cidr, range) || (range.start === cidr.start && range.end === cidr.end)) {
      report(problems, `except "${written.value}" must be a strict subset of cidr "${block.cidr.value}".`, written.span);
    } else except.push(range);
  }
  const text = block.except.length > 0 ? `${block.cidr.value} except ${block.except.map((e) => e.value).join(', ')}` : block.cidr.value;
  return { kind: 'ipBlock', cidr, except, text, source };
}

/** IANA service names, as container port names and named NetworkPolicy ports must be. */
const PORT_NAME = /^(?=.*[a-z])(?!-)(?!.*--)[a-z0-9-]{1,15}(?<!-)$/;

export function compilePort(port: PortSpec, problems: Problems): CompiledPort | undefined {
  const protocol = port.protocol?.value ?? 'TCP';
  const source = { uri: problems.uri, span: port.span };
  if (!isProtocol(protocol)) {
    report(problems, `"${protocol}" is not a NetworkPolicy protocol (TCP, UDP, SCTP).`, port.protocol?.span ?? port.span);
    return undefined;
  }
  const value = port.port?.value;
  if (value === undefined) {
    if (port.endPort) report(problems, 'endPort needs a numeric port.', port.endPort.span);
    return { kind: 'numbers', protocol, ports: ALL_PORTS, source };
  }
  if (typeof value === 'string') {
    if (!PORT_NAME.test(value)) report(problems, `"${value}" is neither a port number nor a valid port name.`, port.port!.span);
    if (port.endPort) report(problems, 'endPort may only follow a numeric port, not a named one.', port.endPort.span);
    return { kind: 'named', protocol, name: value, source };
  }
  if (!Number.isInteger(value) || value < MIN_PORT || value > MAX_PORT) {
    report(problems, `Port ${value} is outside 1-65535.`, port.port!.span);
    return undefined;
  }
  const end = port.endPort?.value ?? value;
  if (port.endPort && (!Number.isInteger(end) || end < value || end > MAX_PORT)) {
    report(problems, `endPort ${end} must be between port ${value} and 65535.`, port.endPort.span);
    return undefined;
  }
  return { kind: 'numbers', protocol, ports: portRange(value, end), source };
}
