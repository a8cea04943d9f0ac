/**
 * Ports as ValidateNetworkPolicyPort checks them: protocol is TCP, UDP or SCTP (case
 * matters), a numeric port is 1-65535, a named port is a valid IANA service name, and
 * endPort needs a numeric port and may not be below it.
 */
import { getPair, isMap, isNullish, isSeq, type YMap, type YNode } from '../../../core/parse/yaml-tree';
import type { NetworkPolicy, ObjectRef } from '../../../model/types';
import { finding, type Finding } from '../../../core/finding';
import { versionGateData } from '../../../analysis/profile/version-gates';
import type { PolicyCheck } from './check';
import { dataAt, pathToSpan, type NodePath } from '../../../analysis/checks/finding-data';
import { allRules } from './policy-walk';
import { isValidPortNumber, joinProblems, portNameProblems } from './validators/names';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

export const portCheck: PolicyCheck = {
  id: 'ports',
  run(policy: NetworkPolicy): Finding[] {
    const findings: Finding[] = [];
    for (const rule of allRules(policy)) {
      const list = rule.ports?.node;
      if (!isSeq(list)) continue;
      const path = pathToSpan(policy.ref.node, list.span);
      if (!path) continue;
      list.items.forEach((item, i) => {
        if (isMap(item)) findings.push(...portFindings(policy.ref, item, [...path, i]));
      });
    }
    return findings;
  },
};

function portFindings(ref: ObjectRef, item: YMap, path: NodePath): Finding[] {
  return [...protocolFindings(ref, getPair(item, 'protocol')?.value, path), ...portValueFindings(ref, getPair(item, 'port')?.value, path), ...endPortFindings(ref, item, path)];
}

function protocolFindings(ref: ObjectRef, node: YNode | null | undefined, path: NodePath): Finding[] {
  if (node?.kind !== 'scalar' || typeof node.value !== 'string' || PROTOCOLS.includes(node.value)) return [];
  const value = node.value;
  const suggestion = PROTOCOLS.find((p) => p === value.toUpperCase());
  let message = `Protocol "${value}" is not supported: use TCP, UDP or SCTP`;
  message += suggestion ? ` (upper case): "${suggestion}".` : '. Omit it to mean TCP.';
  return [finding('netpol/invalid-protocol', 'error', message, node.span, { data: dataAt(ref, [...path, 'protocol'], { value, ...(suggestion && { suggestion }) }) })];
}

function portValueFindings(ref: ObjectRef, node: YNode | null | undefined, path: NodePath): Finding[] {
  if (node?.kind !== 'scalar') return [];
  const at = [...path, 'port'];
  if (typeof node.value === 'number' && Number.isInteger(node.value)) {
    if (isValidPortNumber(node.value)) return [];
    const message = `Port ${node.source} is out of range: a port number is 1-65535 (omit "port" to allow all ports).`;
    return [finding('netpol/invalid-port', 'error', message, node.span, { data: dataAt(ref, at, { value: node.value }) })];
  }
  if (typeof node.value !== 'string') return [];
  const name = node.value;
  if (/^[0-9]+$/.test(name) && isValidPortNumber(Number(name))) {
    const message = `Port "${name}" is quoted, so Kubernetes reads it as a port name, and port names need a letter: write ${Number(name)} without quotes.`;
    return [finding('netpol/invalid-port', 'error', message, node.span, { data: dataAt(ref, at, { value: name, suggestion: String(Number(name)) }) })];
  }
  const problems = portNameProblems(name);
  if (problems.length === 0) return [];
  const message = `Port name "${name}" is invalid: ${joinProblems(problems)}. Use a port number (1-65535) or the name of a container port, e.g. "http".`;
  return [finding('netpol/invalid-port', 'error', message, node.span, { data: dataAt(ref, at, { value: name }) })];
}

function endPortFindings(ref: ObjectRef, item: YMap, path: NodePath): Finding[] {
  const endPort = getPair(item, 'endPort')?.value;
  if (endPort?.kind !== 'scalar' || typeof endPort.value !== 'number' || !Number.isInteger(endPort.value)) return [];
  const port = getPair(item, 'port')?.value;
  const data = { data: dataAt(ref, [...path, 'endPort'], { value: endPort.value }) };
  const end = endPort.value;
  if (isNullish(port)) {
    return [finding('netpol/invalid-end-port', 'error', `endPort needs a "port" to start the range: add "port: N" with N <= ${end}.`, endPort.span, data)];
  }
  if (port?.kind !== 'scalar' || typeof port.value !== 'number') {
    const message = 'endPort cannot be used with a named port: a range needs a numeric start, so write "port" as a number.';
    return [finding('netpol/invalid-end-port', 'error', message, endPort.span, data)];
  }
  if (!isValidPortNumber(end)) {
    return [finding('netpol/invalid-end-port', 'error', `endPort ${endPort.source} is out of range: a port number is 1-65535.`, endPort.span, data)];
  }
  if (end < port.value) {
    const message = `endPort ${end} is below port ${port.value}: the range must run upwards, so endPort must be at least ${port.value}.`;
    return [finding('netpol/invalid-end-port', 'error', message, endPort.span, data)];
  }
  // Releases before the range ports existed drop the field: the rule then allows its first port only.
  const dropped = `endPort is dropped by the API server, so this rule allows port ${port.value} only, not ${port.value}-${end}.`;
  return [finding('netpol/end-port-unsupported', 'warning', dropped, endPort.span, { data: dataAt(ref, [...path, 'endPort'], { value: end, ...END_PORT }) })];
}

/** KEP-2079: alpha (off by default) in 1.21, on by default from 1.22. */
const END_PORT = versionGateData({ supportedFrom: '1.22', featureGate: 'NetworkPolicyEndPort' });
