/**
 * Egress to "everywhere" (0.0.0.0/0 or ::/0) also reaches the cloud instance-metadata
 * service, which hands out node credentials on most clouds. A warning (a security hole), with a fix that
 * excepts the address. IPv4: 169.254.169.254 (AWS, GCP, Azure, and others). IPv6:
 * fd00:ec2::254, the only IPv6 metadata endpoint in wide use (AWS Nitro); other clouds
 * serve metadata over IPv4 only, so excepting it costs nothing elsewhere.
 * Only rules that admit TCP port 80, where the service listens, are considered.
 */
import { getPair, isMap, type YMap } from '../../../core/parse/yaml-tree';
import type { NetworkPolicy } from '../../../model/types';
import { affects } from '../policy-defaults';
import { finding, type Finding } from '../../../core/finding';
import type { CheckContext, PolicyCheck } from './check';
import { hasSyntaxErrors } from './document-state';
import { dataAt, pathToSpan } from '../../../analysis/checks/finding-data';
import { portsAdmit } from './rule-ports';
import { ipInCidr, parseCidr, parseIp, type Cidr } from './validators/cidr';

const METADATA_ADDRESSES = { 4: '169.254.169.254', 6: 'fd00:ec2::254' } as const;

export const metadataEndpointCheck: PolicyCheck = {
  id: 'metadata-endpoint',
  run(policy: NetworkPolicy, context: CheckContext): Finding[] {
    if (hasSyntaxErrors(policy, context) || !affects(policy, 'Egress')) return [];
    const findings: Finding[] = [];
    for (const rule of policy.spec.egress?.items ?? []) {
      if (!portsAdmit(rule, 'TCP', 80)) continue;
      for (const peer of rule.peers?.items ?? []) {
        const block = isMap(peer.node) ? getPair(peer.node, 'ipBlock')?.value : undefined;
        if (isMap(block)) findings.push(...blockFindings(policy, block));
      }
    }
    return findings;
  },
};

function blockFindings(policy: NetworkPolicy, block: YMap): Finding[] {
  const cidrNode = getPair(block, 'cidr')?.value;
  if (cidrNode?.kind !== 'scalar' || typeof cidrNode.value !== 'string') return [];
  const cidr = parseCidr(cidrNode.value);
  if (!cidr || cidr.prefix !== 0) return [];
  const address = METADATA_ADDRESSES[cidr.family];
  if (excepted(block, address)) return [];
  const path = pathToSpan(policy.ref.node, block.span);
  if (!path) return [];
  const exceptCidr = `${address}/${cidr.family === 4 ? 32 : 128}`;
  const cloud = cidr.family === 4 ? 'the cloud instance-metadata service' : "AWS's IPv6 instance-metadata service";
  const message = `Egress to ${cidrNode.value} also reaches ${cloud} at ${address}, which can hand out node credentials. Add "${exceptCidr}" to except unless these pods need it.`;
  return [finding('netpol/egress-to-metadata', 'warning', message, cidrNode.span, { data: dataAt(policy.ref, path, { except: exceptCidr }) })];
}

function excepted(block: YMap, address: string): boolean {
  const ip = parseIp(address)!;
  const except = getPair(block, 'except')?.value;
  if (except?.kind !== 'seq') return false;
  return except.items.some((item) => {
    const cidr: Cidr | undefined = item.kind === 'scalar' ? parseCidr(String(item.value)) : undefined;
    return cidr !== undefined && ipInCidr(cidr, ip);
  });
}
