/**
 * ipBlock as ValidateIPBlock checks it: `cidr` is required and must parse, and every
 * `except` must parse and be a strict subset of `cidr` (same family, inside it, with a
 * longer prefix). Values that strict IP/CIDR validation rejects (host bits set, leading
 * zeros, IPv4-mapped IPv6) are errors or warnings by the profile's release (version-gates.ts).
 */
import { getPair, isMap, isNullish, isSeq, type YMap, type YScalar } from '../../../core/parse/yaml-tree';
import type { NetworkPolicy, ObjectRef } from '../../../model/types';
import { finding, type Finding } from '../../../core/finding';
import { versionGateData } from '../../../analysis/profile/version-gates';
import type { PolicyCheck } from './check';
import { dataAt, pathToSpan, type NodePath } from '../../../analysis/checks/finding-data';
import { allPeers } from './policy-walk';
import { cidrContains, isStrictSubset, parseCidr, parseIp, type Cidr } from './validators/cidr';

/** KEP-4858: alpha (off) in 1.33, on by default from 1.36; earlier releases accept these values with a warning. */
const STRICT_CIDRS = versionGateData({ rejectedFrom: '1.36', featureGate: 'StrictIPCIDRValidation' });

export const ipBlockCheck: PolicyCheck = {
  id: 'ip-block',
  run(policy: NetworkPolicy): Finding[] {
    const findings: Finding[] = [];
    for (const { peer } of allPeers(policy)) {
      if (!isMap(peer.node)) continue;
      const pair = getPair(peer.node, 'ipBlock');
      if (!pair || !isMap(pair.value)) continue;
      const path = pathToSpan(policy.ref.node, pair.value.span);
      if (path) findings.push(...blockFindings(policy.ref, pair.value, pair.key.span, path));
    }
    return findings;
  },
};

function blockFindings(ref: ObjectRef, block: YMap, keySpan: YScalar['span'], path: NodePath): Finding[] {
  const cidrNode = getPair(block, 'cidr')?.value;
  if (isNullish(cidrNode) || (cidrNode?.kind === 'scalar' && cidrNode.value === '')) {
    const message = 'ipBlock needs a "cidr", e.g. "cidr: 10.0.0.0/16": the API server rejects an ipBlock without one.';
    return [finding('netpol/missing-field', 'error', message, keySpan, { data: dataAt(ref, path, { field: 'cidr' }) })];
  }
  if (cidrNode?.kind !== 'scalar' || typeof cidrNode.value !== 'string') return [];
  const findings: Finding[] = [];
  const cidr = checkCidr(ref, cidrNode, [...path, 'cidr'], findings);
  const except = getPair(block, 'except')?.value;
  if (!isSeq(except)) return findings;
  except.items.forEach((item, i) => {
    if (item.kind !== 'scalar' || typeof item.value !== 'string') return;
    const inner = checkCidr(ref, item, [...path, 'except', i], findings);
    if (cidr && inner && !isStrictSubset(cidr, inner)) findings.push(outsideFinding(ref, item, cidr, inner, [...path, 'except', i], cidrNode.value as string));
  });
  return findings;
}

/** Reports what is wrong with one CIDR scalar and returns it parsed, when it parses. */
function checkCidr(ref: ObjectRef, node: YScalar, path: NodePath, out: Finding[]): Cidr | undefined {
  const text = String(node.value);
  const cidr = parseCidr(text);
  if (!cidr) {
    out.push(invalidCidr(ref, node, text, path));
    return undefined;
  }
  if (cidr.nonStandard) {
    const message = `"${text}" is not written in standard form (${cidr.nonStandard}): write "${cidr.canonical}".`;
    out.push(finding('netpol/non-standard-cidr', 'warning', message, node.span, { data: dataAt(ref, path, { value: text, suggestion: cidr.canonical, ...STRICT_CIDRS }) }));
  } else if (cidr.hostBitsSet) {
    const single = `${text.slice(0, text.indexOf('/'))}/${cidr.family === 4 ? 32 : 128}`;
    const message = `"${text}" has host bits set, so it is ambiguous: the whole network ${cidr.canonical}, or the single address ${single}? Write the one you mean (releases that accept it use the whole network).`;
    out.push(finding('netpol/cidr-host-bits', 'warning', message, node.span, { data: dataAt(ref, path, { value: text, suggestion: cidr.canonical, ...STRICT_CIDRS }) }));
  }
  return cidr;
}

function invalidCidr(ref: ObjectRef, node: YScalar, text: string, path: NodePath): Finding {
  const slash = text.indexOf('/');
  const ip = parseIp(slash < 0 ? text : text.slice(0, slash));
  let reason = 'it is not an IPv4 or IPv6 network in CIDR notation';
  let suggestion: string | undefined;
  if (ip && slash < 0) {
    suggestion = `${text}/${ip.family === 4 ? 32 : 128}`;
    reason = `it has no prefix length; for this single address write "${suggestion}"`;
  } else if (ip) {
    const bits = ip.family === 4 ? 32 : 128;
    const prefix = text.slice(slash + 1);
    reason = /^[0-9]+$/.test(prefix) ? `the prefix length /${prefix} is longer than the ${bits} bits of an IPv${ip.family} address` : `"/${prefix}" is not a prefix length`;
  }
  const message = `"${text}" is not a valid CIDR: ${reason}. Write an address and prefix length, e.g. 10.0.0.0/16 or 2001:db8::/64.`;
  return finding('netpol/invalid-cidr', 'error', message, node.span, { data: dataAt(ref, path, { value: text, ...(suggestion && { suggestion }) }) });
}

function outsideFinding(ref: ObjectRef, node: YScalar, cidr: Cidr, inner: Cidr, path: NodePath, cidrText: string): Finding {
  let reason: string;
  if (cidr.family !== inner.family) reason = `it is IPv${inner.family} but cidr "${cidrText}" is IPv${cidr.family}`;
  else if (cidrContains(inner, cidr)) reason = `it covers all of cidr "${cidrText}" (an except must be strictly smaller)`;
  else reason = `it lies outside cidr "${cidrText}"`;
  const message = `except "${String(node.value)}" must be a strict subset of cidr: ${reason}. The API server rejects this ipBlock.`;
  return finding('netpol/except-outside-cidr', 'error', message, node.span, { data: dataAt(ref, path, { value: String(node.value) }) });
}
