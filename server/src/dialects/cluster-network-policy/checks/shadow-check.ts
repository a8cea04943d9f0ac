/**
 * A rule an earlier rule of the same policy always decides first: the earlier rule
 * has every peer the later one has (the same selectors, as written) and matches
 * every port the later one could. The later rule never matches anything.
 */
import type { Finding } from '../../../core/finding';
import type { LabelSelector } from '../../../model/types';
import type { ClusterPolicy, ClusterPort, ClusterRule, Selection } from '../model/types';
import { reporter } from './report';

export function shadowFindings(policy: ClusterPolicy): Finding[] {
  const report = reporter(policy);
  const findings: Finding[] = [];
  for (const rules of [policy.spec?.ingress?.items ?? [], policy.spec?.egress?.items ?? []]) {
    rules.forEach((rule, i) => {
      const earlier = rules.slice(0, i).find((e) => covers(e, rule));
      if (!earlier) return;
      const message = `This rule never matches: ${rule.direction} rule ${earlier.index + 1}${earlier.name ? ` ("${earlier.name.value}")` : ''} comes first, has the same peers and matches all of its ports, and the first matching rule decides.`;
      findings.push(report('cnp/shadowed-rule', 'warning', message, rule.name?.span ?? rule.action?.span ?? rule.span, { rule: i }));
    });
  }
  return findings;
}

function covers(earlier: ClusterRule, later: ClusterRule): boolean {
  const peers = (rule: ClusterRule): Set<string> => new Set((rule.peers?.items ?? []).map(peerKey));
  const earlierPeers = peers(earlier);
  if (![...peers(later)].every((p) => earlierPeers.has(p)) || earlierPeers.size === 0) return false;
  if (!earlier.ports) return true;
  if (!later.ports) return false;
  const ports = new Set(earlier.ports.items.map(portKey));
  return later.ports.items.every((p) => ports.has(portKey(p)));
}

/** A peer as written, whitespace and key order aside. */
function peerKey(peer: Selection): string {
  const selector = (s: LabelSelector | undefined): string =>
    s
      ? JSON.stringify([
          s.matchLabels.map((l) => `${l.key.value}=${l.value.value}`).sort(),
          s.matchExpressions.map((e) => `${e.key?.value ?? ''} ${e.operator?.value ?? ''} ${e.values.map((v) => v.value).sort().join(',')}`).sort(),
        ])
      : '-';
  if (peer.namespaces) return `ns:${selector(peer.namespaces)}`;
  if (peer.pods) return `pods:${selector(peer.pods.namespaceSelector)}:${selector(peer.pods.podSelector)}`;
  if (peer.networks) return `net:${peer.networks.items.map((n) => n.value).sort().join(',')}`;
  if (peer.nodes) return `nodes:${selector(peer.nodes)}`;
  return `other:${peer.span.start}`;
}

function portKey(port: ClusterPort): string {
  return `${port.kind}:${port.protocol?.value ?? 'TCP'}:${port.number?.value ?? ''}:${port.start?.value ?? ''}-${port.end?.value ?? ''}:${port.name?.value ?? ''}`;
}
