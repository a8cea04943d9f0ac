/**
 * The fields of projectcalico.org/v3 NetworkPolicy and GlobalNetworkPolicy that
 * completion offers, with a one-line doc each (analysis/complete/schema-types.ts).
 */
import { METADATA } from '../../../analysis/complete/metadata-schema';
import { enumOf, type SchemaNode } from '../../../analysis/complete/schema-types';

/**
 * What a Calico selector picks from: endpoints (pods), or namespaces. `entity`
 * selectors of a rule look in the policy's namespace unless the rule also has a
 * namespaceSelector; the policy's own selector likewise, and everywhere for a
 * GlobalNetworkPolicy.
 */
export type CalicoSelectorScope = 'policy-pods' | 'entity-pods' | 'namespaces' | 'service-accounts';

/** A Calico selector expression: the values completion offers beyond enumerations and namespace names. */
export type CalicoValueSource = { readonly kind: 'calico-selector'; readonly scope: CalicoSelectorScope };

type Node = SchemaNode<CalicoValueSource>;

const PROTOCOLS = enumOf(
  ['TCP', 'Transmission Control Protocol.'],
  ['UDP', 'User Datagram Protocol.'],
  ['ICMP', 'ICMP over IPv4 (set `ipVersion: 4`).'],
  ['ICMPv6', 'ICMP over IPv6 (set `ipVersion: 6`).'],
  ['SCTP', 'Stream Control Transmission Protocol.'],
  ['UDPLite', 'Lightweight UDP.'],
);

const ICMP: Node = {
  title: 'an ICMP match',
  fields: {
    type: { doc: 'The ICMP type number, e.g. 8 for echo request.', shape: 'scalar' },
    code: { doc: 'The ICMP code number; needs `type`.', shape: 'scalar' },
  },
};

const SERVICE_ACCOUNTS: Node = {
  title: 'a service account match',
  fields: {
    names: { doc: 'Service account names of the endpoints.', shape: 'scalar-list' },
    selector: { doc: 'A selector over the labels of the endpoints\' service accounts.', shape: 'scalar', values: { kind: 'calico-selector', scope: 'service-accounts' } },
  },
};

const SERVICES: Node = {
  title: 'a Service match',
  fields: {
    name: { doc: 'The Kubernetes Service whose endpoints match.', shape: 'scalar' },
    namespace: { doc: 'The namespace of that Service; the policy namespace when omitted.', shape: 'scalar', values: { kind: 'namespaces' } },
  },
};

const ENTITY: Node = {
  title: 'a source or destination',
  fields: {
    selector: { doc: 'Endpoints whose labels match this expression, e.g. `app == \'web\'`.', shape: 'scalar', values: { kind: 'calico-selector', scope: 'entity-pods' } },
    notSelector: { doc: 'Endpoints whose labels do not match this expression.', shape: 'scalar', values: { kind: 'calico-selector', scope: 'entity-pods' } },
    namespaceSelector: { doc: 'Endpoints in the namespaces whose labels match this expression; `global()` for non-namespaced ones.', shape: 'scalar', values: { kind: 'calico-selector', scope: 'namespaces' } },
    nets: { doc: 'Addresses in these CIDR ranges.', shape: 'scalar-list' },
    notNets: { doc: 'Addresses outside these CIDR ranges.', shape: 'scalar-list' },
    ports: { doc: 'Ports (numbers, `"from:to"` ranges or names); needs the rule\'s `protocol` TCP, UDP or SCTP.', shape: 'scalar-list' },
    notPorts: { doc: 'Ports that do not match; needs the rule\'s `protocol`.', shape: 'scalar-list' },
    serviceAccounts: { doc: 'Endpoints running as these service accounts.', shape: 'map', node: SERVICE_ACCOUNTS },
    services: { doc: 'The endpoints of a Kubernetes Service.', shape: 'map', node: SERVICES },
  },
};

const HTTP: Node = {
  title: 'an HTTP match',
  fields: {
    methods: { doc: 'HTTP methods that match, e.g. GET.', shape: 'scalar-list' },
    paths: { doc: 'URL paths that match, each `exact` or `prefix`.', shape: 'list', node: { title: 'an HTTP path', fields: { exact: { doc: 'The path, exactly.', shape: 'scalar' }, prefix: { doc: 'A path prefix.', shape: 'scalar' } } } },
  },
};

const RULE: Node = {
  title: 'a rule',
  fields: {
    action: {
      doc: 'What happens to matching traffic: Allow, Deny, Log or Pass.',
      shape: 'scalar',
      values: enumOf(['Allow', 'Let the traffic through.'], ['Deny', 'Drop the traffic.'], ['Log', 'Log it and go on with the next rule.'], ['Pass', 'Skip the rest of this tier and go on with the next tier.']),
    },
    protocol: { doc: 'The protocol that matches; needed for `ports`.', shape: 'scalar', values: PROTOCOLS },
    notProtocol: { doc: 'A protocol that does not match.', shape: 'scalar', values: PROTOCOLS },
    ipVersion: { doc: '4 or 6: match only this IP version.', shape: 'scalar', values: enumOf(['4', 'IPv4 only.'], ['6', 'IPv6 only.']) },
    icmp: { doc: 'ICMP type and code that match (with protocol ICMP or ICMPv6).', shape: 'map', node: ICMP },
    notICMP: { doc: 'ICMP type and code that do not match.', shape: 'map', node: ICMP },
    source: { doc: 'Where the traffic comes from.', shape: 'map', node: ENTITY },
    destination: { doc: 'Where the traffic goes to.', shape: 'map', node: ENTITY },
    http: { doc: 'HTTP methods and paths (application layer policy only).', shape: 'map', node: HTTP },
  },
};

const BOOLEAN = enumOf(['true', 'On.'], ['false', 'Off (the default).']);

const TYPES = enumOf(['Ingress', 'The policy applies to traffic into the selected endpoints.'], ['Egress', 'The policy applies to traffic out of the selected endpoints.']);

const SPEC: Node = {
  title: 'the spec',
  fields: {
    tier: { doc: 'The tier the policy belongs to; `default` when omitted.', shape: 'scalar' },
    order: { doc: 'Policies with a lower order are applied first.', shape: 'scalar' },
    selector: { doc: 'The endpoints the policy applies to, e.g. `app == \'web\'`; all endpoints when omitted.', shape: 'scalar', values: { kind: 'calico-selector', scope: 'policy-pods' } },
    namespaceSelector: { doc: 'The namespaces the policy applies in.', shape: 'scalar', values: { kind: 'calico-selector', scope: 'namespaces' }, only: 'global' },
    serviceAccountSelector: { doc: 'Only endpoints whose service account labels match.', shape: 'scalar', values: { kind: 'calico-selector', scope: 'service-accounts' } },
    types: { doc: 'Which directions the policy applies to: Ingress, Egress, or both.', shape: 'scalar-list', values: TYPES },
    ingress: { doc: 'Rules for traffic into the selected endpoints, in order.', shape: 'list', node: RULE },
    egress: { doc: 'Rules for traffic out of the selected endpoints, in order.', shape: 'list', node: RULE },
    doNotTrack: { doc: 'Host endpoints: apply before connection tracking, without state.', shape: 'scalar', values: BOOLEAN, only: 'global' },
    preDNAT: { doc: 'Host endpoints: apply before DNAT (ingress only).', shape: 'scalar', values: BOOLEAN, only: 'global' },
    applyOnForward: { doc: 'Host endpoints: also apply to forwarded traffic.', shape: 'scalar', values: BOOLEAN, only: 'global' },
    performanceHints: { doc: 'Hints for the dataplane, e.g. AssumeNeededOnEveryNode.', shape: 'scalar-list', values: enumOf(['AssumeNeededOnEveryNode', 'Program the policy on every node in advance.']) },
  },
};

export const CALICO_POLICY: Node = {
  title: 'a Calico policy',
  fields: {
    apiVersion: { doc: 'The API group and version of Calico policies.', shape: 'scalar', values: enumOf(['projectcalico.org/v3', 'Calico\'s API.']) },
    kind: {
      doc: 'The object kind.',
      shape: 'scalar',
      values: enumOf(['NetworkPolicy', 'A Calico policy in one namespace.'], ['GlobalNetworkPolicy', 'A Calico policy for the whole cluster and host endpoints.']),
    },
    metadata: { doc: 'The policy name (and namespace, for a NetworkPolicy).', shape: 'map', node: METADATA },
    spec: { doc: 'What the policy selects and its ordered rules.', shape: 'map', node: SPEC },
  },
};
