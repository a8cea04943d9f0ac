/** Rules as the CRD validates them: how many, their action, peers and ports, with the API server's field paths and words. */
import type { Finding } from '../../../core/finding';
import { cidrOrUndefined } from '../../../core/net/cidr';
import type { ClusterPolicy, ClusterPort, ClusterRule } from '../model/types';
import { selectionFindings } from './selection-check';
import { reporter, type Report } from './report';
import { rulesOf, type VersionRules } from './versions';

const NAMED_PORT_CEL = 'networks/nodes/domainNames peer cannot be set with namedPorts since there are no namedPorts for networks/nodes/domainNames';
const NAMED_PORT_CEL_BASELINE = 'networks/nodes peer cannot be set with namedPorts since there are no namedPorts for networks/nodes';
/** The CRD's pattern for a domain name: an optional leading `*.`, then at least two labels. */
const DOMAIN_NAME = /^(\*\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;
const DOMAIN_PATTERN_TEXT = "'^(\\*\\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\\.?$'";

export function rulesFindings(policy: ClusterPolicy): Finding[] {
  const spec = policy.spec;
  if (!spec) return [];
  const report = reporter(policy);
  const rules = rulesOf(policy);
  const findings: Finding[] = [];
  for (const [direction, list] of [['ingress', spec.ingress], ['egress', spec.egress]] as const) {
    if (!list) continue;
    if (list.items.length > rules.maxRules) findings.push(report('cnp/too-many', 'error', `spec.${direction}: Too many: ${list.items.length}: must have at most ${rules.maxRules} items`, list.keySpan));
    for (const rule of list.items) findings.push(...ruleFindings(policy, rule, rules, report));
  }
  return findings;
}

function egressPeerFields(policy: ClusterPolicy): string[] {
  return policy.kind === 'BaselineAdminNetworkPolicy' ? ['namespaces', 'pods', 'nodes', 'networks'] : ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'];
}

function ruleFindings(policy: ClusterPolicy, rule: ClusterRule, rules: VersionRules, report: Report): Finding[] {
  const path = `spec.${rule.direction}[${rule.index}]`;
  const findings: Finding[] = [];
  if (!rule.action) findings.push(report('cnp/missing-field', 'error', `${path}.action: Required value: one of ${rules.actions.map((a) => `"${a}"`).join(', ')}.`, rule.span, { field: 'action' }));
  else if (!rules.actions.includes(rule.action.value)) {
    const meant = rule.action.value === 'Allow' ? 'Accept' : rule.action.value === 'Accept' ? 'Allow' : undefined;
    const usable = meant !== undefined && rules.actions.includes(meant);
    const hint = usable ? ` ${policy.kind} ${policy.version} writes "${meant}".` : '';
    findings.push(report('cnp/invalid-value', 'error', `${path}.action: Unsupported value: "${rule.action.value}": supported values: ${rules.actions.map((a) => `"${a}"`).join(', ')}${hint}`, rule.action.span, { ...(usable && { replacement: meant }) }));
  }
  if (rule.name && rule.name.value.length > 100) findings.push(report('cnp/invalid-value', 'error', `${path}.name: Too long: may not be more than 100 bytes`, rule.name.span));
  const peersKey = rule.direction === 'ingress' ? 'from' : 'to';
  if (!rule.peers) findings.push(report('cnp/missing-field', 'error', `${path}.${peersKey}: Required value: the peers this rule matches.`, rule.span, { field: peersKey }));
  else if (rule.peers.items.length === 0) findings.push(report('cnp/too-few', 'error', `${path}.${peersKey}: Invalid value: 0: ${path}.${peersKey} in body should have at least 1 items`, rule.peers.keySpan));
  else if (rule.peers.items.length > rules.maxPeers) findings.push(report('cnp/too-many', 'error', `${path}.${peersKey}: Too many: ${rule.peers.items.length}: must have at most ${rules.maxPeers} items`, rule.peers.keySpan));
  const allowed = rule.direction === 'ingress' ? ['namespaces', 'pods'] : egressPeerFields(policy);
  for (const [i, peer] of (rule.peers?.items ?? []).entries()) {
    const peerPath = `${path}.${peersKey}[${i}]`;
    findings.push(...selectionFindings(policy, peer, peerPath, allowed, report));
    const seen = new Set<string>();
    for (const [j, network] of (peer.networks?.items ?? []).entries()) {
      const cidr = cidrOrUndefined(network.value);
      if (!cidr || cidr.ipv4Mapped || cidr.leadingZeros || cidr.prefixLeadingZeros) findings.push(report('cnp/invalid-cidr', 'error', `${peerPath}.networks[${j}]: Invalid value: "${network.value}": Invalid CIDR format provided`, network.span));
      else if (seen.has(network.value)) findings.push(report('cnp/duplicate', 'error', `${peerPath}.networks[${j}]: Duplicate value: "${network.value}"`, network.span));
      seen.add(network.value);
    }
    if (peer.networks && peer.networks.items.length > 25) findings.push(report('cnp/too-many', 'error', `${peerPath}.networks: Too many: ${peer.networks.items.length}: must have at most 25 items`, peer.networks.keySpan));
    for (const [j, domain] of (peer.domainNames?.items ?? []).entries()) {
      const at = `${peerPath}.domainNames[${j}]`;
      if (!DOMAIN_NAME.test(domain.value)) findings.push(report('cnp/invalid-value', 'error', `${at}: Invalid value: "${domain.value}": ${at} in body should match ${DOMAIN_PATTERN_TEXT}`, domain.span));
    }
  }
  const ports = rule.ports;
  if (ports) {
    const portsPath = `${path}.${rules.portsKey}`;
    if (ports.items.length === 0) findings.push(report('cnp/too-few', 'error', `${portsPath}: Invalid value: 0: ${portsPath} in body should have at least 1 items`, ports.keySpan));
    if (ports.items.length > rules.maxPorts) findings.push(report('cnp/too-many', 'error', `${portsPath}: Too many: ${ports.items.length}: must have at most ${rules.maxPorts} items`, ports.keySpan));
    ports.items.forEach((port, i) => findings.push(...portFindings(policy, port, `${portsPath}[${i}]`, rules.portsKey === 'protocols' ? ['tcp', 'udp', 'sctp', 'destinationNamedPort'] : ['portNumber', 'namedPort', 'portRange'], report)));
    const named = ports.items.some((p) => p.kind === 'named');
    const addressPeer = (rule.peers?.items ?? []).some((p) => p.networks || p.nodes || p.domainNames);
    if (rule.direction === 'egress' && named && addressPeer) findings.push(report('cnp/named-port-address-peer', 'error', `${path}: Invalid value: ${policy.kind === 'BaselineAdminNetworkPolicy' ? NAMED_PORT_CEL_BASELINE : NAMED_PORT_CEL}`, rule.span));
  }
  return findings;
}

function portFindings(policy: ClusterPolicy, port: ClusterPort, path: string, allowed: readonly string[], report: Report): Finding[] {
  const findings: Finding[] = [];
  const at = (suffix: string | undefined): string => (suffix ? `${path}.${suffix}` : path);
  for (const key of port.keys) if (!allowed.includes(key.value)) findings.push(report('cnp/unknown-field', 'error', `${path}.${key.value}: unknown field "${path}.${key.value}"; write one of ${allowed.map((a) => `"${a}"`).join(', ')}.`, key.span));
  const known = port.keys.filter((k) => allowed.includes(k.value));
  if (known.length > 1 && !port.crowded.some((c) => c.path === '')) findings.push(report('cnp/one-of', 'error', `${path}: Too many: ${known.length}: must have at most 1 item (${known.map((k) => `"${k.value}"`).join(' and ')}: write one per entry)`, port.span));
  for (const c of port.crowded) findings.push(report('cnp/one-of', 'error', `${at(c.path)}: Too many: ${c.keys.length}: must have at most 1 item (${c.keys.map((k) => `"${k}"`).join(' and ')})`, c.span));
  if (port.keys.length === 0) findings.push(report('cnp/one-of', 'error', `${path}: Invalid value: 0: ${path} in body should have at least 1 properties`, port.span));
  for (const e of port.emptyMaps) findings.push(report('cnp/one-of', 'error', `${at(e.path)}: Invalid value: 0: ${at(e.path)} in body should have at least 1 properties`, e.span));
  if (port.protocol && !['TCP', 'UDP', 'SCTP'].includes(port.protocol.value)) {
    findings.push(report('cnp/unknown-protocol', 'warning', `Protocol "${port.protocol.value}" is stored as written, but no implementation matches it: write "TCP", "UDP" or "SCTP" (in capitals).`, port.protocol.span, { replacement: port.protocol.value.toUpperCase() }));
  }
  for (const [value, suffix] of [[port.number, port.paths.number], [port.start, port.paths.start], [port.end, port.paths.end]] as const) {
    if (!value || !suffix) continue;
    if (value.value < 1) findings.push(report('cnp/invalid-value', 'error', `${at(suffix)}: Invalid value: ${value.value}: ${at(suffix)} in body should be greater than or equal to 1`, value.span));
    if (value.value > 65535) findings.push(report('cnp/invalid-value', 'error', `${at(suffix)}: Invalid value: ${value.value}: ${at(suffix)} in body should be less than or equal to 65535`, value.span));
  }
  if (port.kind === 'number' && !port.number) findings.push(report('cnp/missing-field', 'error', `${at(port.paths.number ?? 'portNumber.port')}: Required value`, port.span));
  if (port.kind === 'range' && !port.start) findings.push(report('cnp/missing-field', 'error', `${at(port.paths.start)}: Required value`, port.span));
  if (port.kind === 'range' && !port.end) findings.push(report('cnp/missing-field', 'error', `${at(port.paths.end)}: Required value`, port.span));
  if (port.start && port.end && port.paths.range) {
    if (policy.version === 'v1alpha2' && port.start.value >= port.end.value) findings.push(report('cnp/invalid-range', 'error', `${at(port.paths.range)}: Invalid value: Start port must be less than End port (${port.start.value}-${port.end.value})`, port.start.span));
    else if (port.start.value > port.end.value) findings.push(report('cnp/empty-range', 'warning', `The range ${port.start.value}-${port.end.value} is stored as written but holds no port, so this entry matches nothing. Swap start and end.`, port.start.span));
  }
  return findings;
}
