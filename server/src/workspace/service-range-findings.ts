/**
 * An address range in a policy that lies inside the cluster's Service range (the cluster
 * profile's serviceCidrs) matches no traffic on most plugins: a connection to a Service's
 * cluster IP is translated to a backing pod's address before policies see it. Read from
 * the lowered policies of every dialect, so an ipBlock and a `nets` entry are judged alike.
 */
import type { FileAnalysis } from '../analysis/file-analysis';
import { finding, type Finding } from '../core/finding';
import { lowerFile } from '../dialects/lower-file';
import type { EndpointMatch } from '../ir/endpoint-match';
import { formatIp, formatRange, parseCidr, rangeContains, type IpRange } from '../ir/ip-range';
import type { Policy } from '../ir/policy-ir';

export function serviceRangeFindings(uri: string, analysis: FileAnalysis): Finding[] {
  const services = analysis.profile.serviceCidrs.map((text) => ({ text, range: parseCidr(text) })).filter((s): s is { text: string; range: IpRange } => s.range !== undefined);
  if (services.length === 0 || !analysis.relevant) return [];
  const findings: Finding[] = [];
  for (const { lowered } of lowerFile(uri, analysis)) {
    if (lowered.ok) findings.push(...policyFindings(lowered.policy, services, analysis));
  }
  return findings;
}

function policyFindings(policy: Policy, services: readonly { text: string; range: IpRange }[], analysis: FileAnalysis): Finding[] {
  const findings: Finding[] = [];
  for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
    for (const peer of rule.peers ?? []) {
      if (!peer.source) continue;
      for (const range of addressRanges(peer.match)) {
        const service = services.find((s) => rangeContains(s.range, range));
        if (!service) continue;
        const message = `${cidrText(range)} is inside the Service range ${service.text} (cluster profile): a connection to a Service's cluster IP is translated to a backing pod's address before policies see it on most plugins, so this address range matches no traffic. Select the pods behind the Service instead.`;
        findings.push(finding('profile/service-range', 'warning', message, peer.source.span, { data: { docIndex: docIndexAt(analysis, peer.source.span.start) } }));
        break;
      }
    }
  }
  return findings;
}

/** A range as the CIDR it is (policies write CIDRs), else as first-last. */
function cidrText(range: IpRange): string {
  const bits = range.family === 4 ? 32 : 128;
  const size = range.end - range.start + 1n;
  const prefix = bits - (size.toString(2).length - 1);
  const aligned = (size & (size - 1n)) === 0n && range.start % size === 0n;
  return aligned ? `${formatIp(range.family, range.start)}/${prefix}` : formatRange(range);
}

/** The ranges a peer must be inside (its own, not its exceptions). */
function addressRanges(match: EndpointMatch): readonly IpRange[] {
  if (match.kind === 'addresses') return match.ranges;
  if (match.kind === 'and') return match.parts.flatMap(addressRanges);
  return [];
}

function docIndexAt(analysis: FileAnalysis, offset: number): number {
  const doc = analysis.parsed.documents.find((d) => d.span.start <= offset && offset <= d.span.end);
  return doc?.index ?? 0;
}
