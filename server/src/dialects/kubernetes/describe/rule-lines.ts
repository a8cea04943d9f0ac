/**
 * The rules of one direction, under "Allowing ingress traffic:" or "Allowing egress
 * traffic:", as kubectl prints them: per rule its ports, then its peers, and a line of
 * dashes between rules. Ingress and egress differ only in their words.
 */
import type { Direction, Peer, PolicyRule, PortSpec } from '../../../model/types';
import { effectiveProtocol } from '../policy-defaults';
import { formatLabelSelector } from './format-selector';

/** Rules sit 4 spaces in; a peer's selectors 6 (one level deeper); an ipBlock's fields 8. */
const RULE = '    ';
const PEER = '      ';
const IP_BLOCK = '        ';

interface DirectionWords {
  readonly peer: string;
  readonly anyPeer: string;
  readonly isolated: string;
}

const WORDS: Record<Direction, DirectionWords> = {
  ingress: {
    peer: 'From:',
    anyPeer: 'From: <any> (traffic not restricted by source)',
    isolated: '<none> (Selected pods are isolated for ingress connectivity)',
  },
  egress: {
    peer: 'To:',
    anyPeer: 'To: <any> (traffic not restricted by destination)',
    isolated: '<none> (Selected pods are isolated for egress connectivity)',
  },
};

export function ruleLines(rules: readonly PolicyRule[], direction: Direction, rangeFormat = true): string[] {
  const words = WORDS[direction];
  if (rules.length === 0) return [RULE + words.isolated];
  const lines: string[] = [];
  rules.forEach((rule, index) => {
    if (index > 0) lines.push(RULE + '----------');
    lines.push(...portLines(rule.ports?.items ?? [], rangeFormat));
    lines.push(...peersLines(rule.peers?.items ?? [], words));
  });
  return lines;
}

/** No ports (absent or `[]`) means every port. The protocol defaults to TCP, as the API server sets it. */
function portLines(ports: readonly PortSpec[], rangeFormat: boolean): string[] {
  if (ports.length === 0) return [RULE + 'To Port: <any> (traffic allowed to all ports)'];
  return ports.map((port) => {
    // kubectl prints a missing port as Go prints a nil pointer.
    const start = port.port === undefined ? '<nil>' : String(port.port.value);
    const protocol = effectiveProtocol(port);
    if (port.endPort === undefined || !rangeFormat) return `${RULE}To Port: ${start}/${protocol}`;
    return `${RULE}To Port Range: ${start}-${port.endPort.value}/${protocol}`;
  });
}

/** No peers (absent or `[]`) means every source or destination. */
function peersLines(peers: readonly Peer[], words: DirectionWords): string[] {
  if (peers.length === 0) return [RULE + words.anyPeer];
  return peers.flatMap((peer) => [RULE + words.peer, ...peerLines(peer)]);
}

/**
 * One peer. kubectl looks at the selectors first and shows the ipBlock only when the
 * peer has neither; a peer with none of the three prints nothing under its title. A
 * selector written with no value is absent in the model, as it is for kubectl (a nil
 * pointer), not an empty selector.
 */
function peerLines(peer: Peer): string[] {
  const { podSelector: pods, namespaceSelector: namespaces } = peer;
  const lines: string[] = [];
  if (namespaces) lines.push(`${PEER}NamespaceSelector: ${formatLabelSelector(namespaces)}`);
  if (pods) lines.push(`${PEER}PodSelector: ${formatLabelSelector(pods)}`);
  if (lines.length > 0 || !peer.ipBlock) return lines;
  return [`${PEER}IPBlock:`, `${IP_BLOCK}CIDR: ${peer.ipBlock.cidr?.value ?? ''}`, `${IP_BLOCK}Except: ${peer.ipBlock.except.map((e) => e.value).join(', ')}`];
}
