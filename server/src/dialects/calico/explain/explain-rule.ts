/**
 * Hovers on one Calico rule and its parts: its action and what it matches, its
 * source and destination, nets, ports and protocols.
 */
import type { CalicoPolicy, CalicoRule } from '../model/types';
import { interpretProtocol } from '../model/protocol';
import type { EntitySide } from './locate';
import { entityPhrase, portsPhrase, ruleSentence } from './words';
import { code, paragraphs } from '../../../analysis/explain/markdown';

const ACTIONS: Readonly<Record<string, string>> = {
  Allow: '**Allow**: a matching connection is allowed. Nothing after this rule is evaluated for it, in this policy or any later one.',
  Deny: '**Deny**: a matching connection is dropped. Nothing after this rule is evaluated for it, in this policy or any later one.',
  Pass: "**Pass**: a matching connection skips the rest of this tier, including later policies of it, and goes on to the next tier. With no next tier, the namespace's profile decides, and Kubernetes namespaces' profiles allow.",
  Log: '**Log**: a matching connection is logged (to syslog) and evaluation goes on with the next rule: Log never decides.',
};

function position(policy: CalicoPolicy, rule: CalicoRule): string {
  const count = policy.spec[rule.direction]?.items.length ?? 0;
  return `${rule.direction === 'ingress' ? 'Ingress' : 'Egress'} rule ${rule.index + 1} of ${count}`;
}

export function explainCalicoRule(policy: CalicoPolicy, rule: CalicoRule): string {
  const action = rule.action?.value ?? '(no action)';
  return paragraphs([
    `**${position(policy, rule)}: ${action}**`,
    ruleSentence(rule, policy),
    'A connection must match every field of the rule (AND). Rules are tried in order and the first that matches decides, so an earlier rule can take traffic this one would match.',
    ACTIONS[action] && ACTIONS[action],
  ]);
}

export function explainCalicoAction(policy: CalicoPolicy, rule: CalicoRule): string {
  const action = rule.action?.value ?? '';
  const meaning = ACTIONS[action] ?? `\`${action}\` is not an action: use Allow, Deny, Pass or Log (case sensitive).`;
  return paragraphs([meaning, `This rule (${position(policy, rule).toLowerCase()}) ${ruleSentence(rule, policy).replace(/^./, (c) => c.toLowerCase())}`]);
}

export function explainCalicoProtocol(rule: CalicoRule, field: 'protocol' | 'notProtocol'): string {
  const written = rule[field];
  const info = written ? interpretProtocol(written.value) : undefined;
  const name = info?.name ?? String(written?.value ?? '');
  const number = info?.number !== undefined ? ` (IP protocol ${info.number})` : '';
  if (info?.problem) return `**\`${field}\`**: ${info.problem}`;
  if (field === 'notProtocol') return `**\`notProtocol: ${name}\`**${number}: the rule matches every protocol except ${name}.`;
  const ports = info?.supportsPorts ? 'Ports in `source` and `destination` apply to this protocol.' : 'This protocol has no ports, so the rule cannot list any.';
  return paragraphs([`**\`protocol: ${name}\`**${number}: the rule only matches ${name} traffic.`, ports, ICMP_FAMILIES[info?.number ?? -1]]);
}

/** ICMP belongs to one IP version: Felix renders an ICMP rule for IPv4 only, an ICMPv6 rule for IPv6 only. */
const ICMP_FAMILIES: Readonly<Record<number, string>> = {
  1: 'ICMP is IPv4\'s (IPv6 has ICMPv6): the rule only meets IPv4 traffic. `icmp: {type, code}` narrows it to some messages (`type: 8` is a ping request).',
  58: 'ICMPv6 is IPv6\'s (IPv4 has ICMP): the rule only meets IPv6 traffic. `icmp: {type, code}` narrows it to some messages (`type: 128` is a ping request; 133-137 are neighbour discovery, which IPv6 needs).',
};

/** In an ingress rule the destination is the policy's own pod; in an egress rule the source is. */
function sideRole(rule: CalicoRule, side: EntitySide): 'far' | 'own' {
  return (rule.direction === 'ingress') === (side === 'source') ? 'far' : 'own';
}

export function explainCalicoEntity(policy: CalicoPolicy, rule: CalicoRule, side: EntitySide): string {
  const entity = rule[side];
  const role = sideRole(rule, side);
  const title =
    role === 'far'
      ? `**\`${side}\`**: where the connection ${side === 'source' ? 'comes from' : 'goes to'}.`
      : `**\`${side}\`**: in an ${rule.direction} rule, the ${side} is the policy's own pod; fields here narrow which of its pods the rule is for.`;
  const ports = entity?.ports?.items.length ? ` on ${portsPhrase(entity.ports)}` : '';
  const matches = `It matches ${entityPhrase(entity, policy)}${side === 'destination' ? ports : ''}.`;
  const sourcePorts = side === 'source' && entity?.ports ? 'Ports in `source` are source ports: a client\'s connections usually come from a random high port.' : undefined;
  const scoping =
    'A `selector` (or `notSelector`, `namespaceSelector`) only matches endpoints, never addresses outside the cluster, and in a namespaced policy it stays in the policy\'s namespace unless `namespaceSelector` says otherwise. All fields must match (AND).';
  return paragraphs([title, matches, sourcePorts, scoping]);
}

export function explainCalicoNets(rule: CalicoRule, side: EntitySide, field: 'nets' | 'notNets', podCidrs: readonly string[]): string {
  const nets = rule[side]?.[field]?.items.map((n) => code(n.value)).join(', ') ?? '';
  const where = side === 'source' ? 'source' : 'destination';
  // The evaluator compares nets with the profile's pod ranges (podsByAddress); without them it knows no pod address.
  const reach =
    podCidrs.length > 0
      ? `Reachability takes pod addresses to be in ${podCidrs.map(code).join(', ')} (cluster profile).`
      : 'Reachability does not know where pod addresses are and counts only addresses outside the cluster: set `podCidrs` in the cluster profile.';
  if (field === 'notNets') return paragraphs([`**\`notNets\`**: the ${where} address must be outside every one of ${nets}. Pod addresses count too.`, reach]);
  return paragraphs([`**\`nets\`**: the ${where} address must be in one of ${nets} (OR).`, `Calico matches by address, so pods whose addresses fall in these ranges match too. ${reach}`]);
}

export function explainCalicoPorts(rule: CalicoRule, side: EntitySide, field: 'ports' | 'notPorts'): string {
  const list = rule[side]?.[field];
  const kind = side === 'source' ? 'source' : 'destination';
  const what = field === 'ports' ? `the ${kind} port must be one of these` : `the ${kind} port must be none of these`;
  const named = list?.items.some((p) => p.kind === 'named') ? 'A named port is looked up in each destination pod\'s container ports (name and protocol must match).' : undefined;
  const protocol = rule.protocol ? `They are ${code(String(rule.protocol.value))} ports.` : 'Ports need `protocol` (TCP, UDP or SCTP) on the rule.';
  const source = side === 'source' ? 'Source ports are rarely what is meant: clients connect from a random high port.' : undefined;
  return paragraphs([`**\`${field}\`**: ${what}: ${portsPhrase(list)}. Ranges are written \`"first:last"\`.`, protocol, named, source]);
}

const FIELDS: Readonly<Record<string, string>> = {
  ipVersion: '**`ipVersion`**: the rule only matches IPv4 (4) or IPv6 (6) traffic.',
  http: '**`http`**: matches HTTP methods and paths. Calico enforces it only with its application layer policy (Envoy); it is valid on Allow rules only.',
  metadata: '**`metadata`**: annotations on the rule, for people and tools. They change nothing.',
  serviceAccounts: '**`serviceAccounts`**: matches pods by the Kubernetes service account they run as (`names`, or a `selector` over the service accounts\' labels).',
  services: '**`services`**: matches the endpoints of a Kubernetes Service (its pods, by the Service\'s selector), by `name` and `namespace`.',
  doNotTrack: '**`doNotTrack`**: the rules apply to host endpoints before connection tracking, and replies are not allowed automatically. Never applies to pods.',
  preDNAT: '**`preDNAT`**: the rules apply to host endpoints before NAT (for NodePorts and external IPs). Never applies to pods.',
  applyOnForward: '**`applyOnForward`**: the rules of this policy also apply to traffic a host endpoint forwards.',
  performanceHints: '**`performanceHints`**: hints for Felix; `AssumeNeededOnEveryNode` makes every node load the policy ahead of time.',
};

export function explainCalicoField(field: string): string {
  return FIELDS[field] ?? `**\`${field}\`**`;
}
