/**
 * The fields of AdminNetworkPolicy, BaselineAdminNetworkPolicy (v1alpha1) and
 * ClusterNetworkPolicy (v1alpha2) that completion offers, one schema per version,
 * with a one-line doc each.
 */
import { METADATA } from '../../../analysis/complete/metadata-schema';
import { enumOf, type SchemaNode } from '../../../analysis/complete/schema-types';
import { labelSelectorSchema } from '../../../analysis/complete/label-selector-schema';

const SELECTOR: SchemaNode = labelSelectorSchema();

const PODS: SchemaNode = {
  title: 'pods by namespace and labels',
  fields: {
    namespaceSelector: { doc: 'The namespaces (by their labels; `{}`: all). Both selectors must match: namespace AND pod.', shape: 'map', node: SELECTOR },
    podSelector: { doc: 'The pods in those namespaces (by their labels; `{}`: all). Required.', shape: 'map', node: SELECTOR },
  },
};

const SUBJECT: SchemaNode = {
  title: 'the subject (exactly one field)',
  fields: {
    namespaces: { doc: 'Every pod of the namespaces these labels select.', shape: 'map', node: SELECTOR },
    pods: { doc: 'The pods these selectors pick.', shape: 'map', node: PODS },
  },
};

const INGRESS_PEER: SchemaNode = { title: 'a peer (exactly one field)', fields: SUBJECT.fields };

function egressPeer(domainNames: boolean): SchemaNode {
  return {
    title: 'a peer (exactly one field)',
    fields: {
      ...SUBJECT.fields,
      nodes: { doc: 'Nodes by their labels (their addresses are outside what a workspace knows).', shape: 'map', node: SELECTOR },
      networks: { doc: 'CIDRs, e.g. `10.0.0.0/8` (up to 25).', shape: 'scalar-list' },
      ...(domainNames && { domainNames: { doc: 'Domain names, e.g. `*.example.com` (experimental).', shape: 'scalar-list' as const } }),
    },
  };
}

const PROTOCOL_NAMES = enumOf(['TCP', 'Transmission Control Protocol (the default).'], ['UDP', 'User Datagram Protocol.'], ['SCTP', 'Stream Control Transmission Protocol.']);

const V1ALPHA1_PORT: SchemaNode = {
  title: 'a port (exactly one field)',
  fields: {
    portNumber: { doc: 'One port number and its protocol.', shape: 'map', node: { title: 'a port number', fields: { protocol: { doc: 'TCP (default), UDP or SCTP.', shape: 'scalar', values: PROTOCOL_NAMES }, port: { doc: 'The port, 1-65535.', shape: 'scalar' } } } },
    portRange: { doc: 'A range of ports and their protocol.', shape: 'map', node: { title: 'a port range', fields: { protocol: { doc: 'TCP (default), UDP or SCTP.', shape: 'scalar', values: PROTOCOL_NAMES }, start: { doc: 'The first port.', shape: 'scalar' }, end: { doc: 'The last port.', shape: 'scalar' } } } },
    namedPort: { doc: 'A container port name, resolved on each destination pod.', shape: 'scalar' },
  },
};

const DESTINATION_PORT: SchemaNode = {
  title: 'a destination port (number or range)',
  fields: {
    number: { doc: 'One port, 1-65535.', shape: 'scalar' },
    range: { doc: 'A range; start must be less than end.', shape: 'map', node: { title: 'a port range', fields: { start: { doc: 'The first port.', shape: 'scalar' }, end: { doc: 'The last port.', shape: 'scalar' } } } },
  },
};

const V1ALPHA2_PROTOCOL: SchemaNode = {
  title: 'a protocol (exactly one field)',
  fields: {
    tcp: { doc: 'TCP to a destination port.', shape: 'map', node: { title: 'TCP', fields: { destinationPort: { doc: 'The port or range.', shape: 'map', node: DESTINATION_PORT } } } },
    udp: { doc: 'UDP to a destination port.', shape: 'map', node: { title: 'UDP', fields: { destinationPort: { doc: 'The port or range.', shape: 'map', node: DESTINATION_PORT } } } },
    sctp: { doc: 'SCTP to a destination port.', shape: 'map', node: { title: 'SCTP', fields: { destinationPort: { doc: 'The port or range.', shape: 'map', node: DESTINATION_PORT } } } },
    destinationNamedPort: { doc: 'A container port name, resolved on each destination pod.', shape: 'scalar' },
  },
};

function rule(direction: 'ingress' | 'egress', actions: ReturnType<typeof enumOf>, peer: SchemaNode, ports: 'ports' | 'protocols'): SchemaNode {
  return {
    title: `an ${direction} rule`,
    fields: {
      name: { doc: 'A name for people and events (up to 100 characters).', shape: 'scalar' },
      action: { doc: 'What the rule does with what it matches; the first matching rule decides.', shape: 'scalar', values: actions },
      [direction === 'ingress' ? 'from' : 'to']: { doc: 'The peers (any of them), 1 to 25 (100 in v1alpha1).', shape: 'list', node: peer },
      [ports]: { doc: 'The destination ports (any of them); absent: all.', shape: 'list', node: ports === 'ports' ? V1ALPHA1_PORT : V1ALPHA2_PROTOCOL },
    },
  };
}

const ALLOW = ['Allow', 'Allowed, final: nothing later can deny it.'] as const;
const ACCEPT = ['Accept', 'Allowed, final: nothing later can deny it.'] as const;
const DENY = ['Deny', 'Denied, final: nothing later can allow it.'] as const;
const PASS = ['Pass', 'Skips the rest of this tier: NetworkPolicies (then the Baseline tier) decide.'] as const;

function root(kind: string, spec: SchemaNode): SchemaNode {
  return {
    title: kind,
    fields: {
      apiVersion: { doc: 'The API group and version.', shape: 'scalar', values: enumOf(['policy.networking.k8s.io/v1alpha1', 'AdminNetworkPolicy and BaselineAdminNetworkPolicy.'], ['policy.networking.k8s.io/v1alpha2', 'ClusterNetworkPolicy.']) },
      kind: { doc: 'The kind of object.', shape: 'scalar' },
      metadata: { doc: 'The policy name (cluster-scoped: no namespace).', shape: 'map', node: METADATA },
      spec: { doc: 'Whom it applies to and its ordered rules.', shape: 'map', node: spec },
    },
  };
}

const priority = { doc: 'The order among policies of the tier, 0 (first) to 1000.', shape: 'scalar' as const };
const subject = { doc: 'The pods the policy applies to: `namespaces` or `pods`.', shape: 'map' as const, node: SUBJECT };

export const ADMIN_POLICY = root('AdminNetworkPolicy', {
  title: 'an AdminNetworkPolicy spec',
  fields: { priority, subject, ingress: { doc: 'Ingress rules in order (up to 100).', shape: 'list', node: rule('ingress', enumOf(ALLOW, DENY, PASS), INGRESS_PEER, 'ports') }, egress: { doc: 'Egress rules in order (up to 100).', shape: 'list', node: rule('egress', enumOf(ALLOW, DENY, PASS), egressPeer(false), 'ports') } },
});

export const BASELINE_POLICY = root('BaselineAdminNetworkPolicy', {
  title: 'a BaselineAdminNetworkPolicy spec (named `default`)',
  fields: { subject, ingress: { doc: 'Ingress rules in order (up to 100).', shape: 'list', node: rule('ingress', enumOf(ALLOW, DENY), INGRESS_PEER, 'ports') }, egress: { doc: 'Egress rules in order (up to 100).', shape: 'list', node: rule('egress', enumOf(ALLOW, DENY), egressPeer(false), 'ports') } },
});

export const CLUSTER_POLICY = root('ClusterNetworkPolicy', {
  title: 'a ClusterNetworkPolicy spec',
  fields: {
    tier: { doc: 'Admin (before NetworkPolicies) or Baseline (after them).', shape: 'scalar', values: enumOf(['Admin', 'Runs before NetworkPolicies; its Accept and Deny are final.'], ['Baseline', 'Runs after NetworkPolicies, for pods they do not select.']) },
    priority,
    subject,
    ingress: { doc: 'Ingress rules in order (up to 25).', shape: 'list', node: rule('ingress', enumOf(ACCEPT, DENY, PASS), INGRESS_PEER, 'protocols') },
    egress: { doc: 'Egress rules in order (up to 25).', shape: 'list', node: rule('egress', enumOf(ACCEPT, DENY, PASS), egressPeer(true), 'protocols') },
  },
});
