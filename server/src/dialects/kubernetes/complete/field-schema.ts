/**
 * The fields completion offers in a NetworkPolicy, with a one-line doc each, as data
 * (analysis/complete/schema-types.ts). Only fields a person writes are here (no
 * `status`, `managedFields`, ...); the validation schema (schema/network-policy-schema.ts)
 * knows every field, and a unit test checks that every field offered here is one it accepts.
 */
import { METADATA } from '../../../analysis/complete/metadata-schema';
import { enumOf, type SchemaNode } from '../../../analysis/complete/schema-types';
import { labelSelectorSchema } from '../../../analysis/complete/label-selector-schema';

/** Where the values of a scalar come from, beyond enumerations and namespace names. */
export type KubernetesValueSource =
  /** Label keys of the selector's scope (`matchExpressions[].key`). */
  | { readonly kind: 'label-key' }
  /** Label values of the requirement's key (`matchExpressions[].values`). */
  | { readonly kind: 'label-value' }
  /** Container port names of the pods the rule's ports apply to. */
  | { readonly kind: 'named-port' };

type Node = SchemaNode<KubernetesValueSource>;

const LABEL_SELECTOR: Node = labelSelectorSchema<KubernetesValueSource>({ key: { kind: 'label-key' }, value: { kind: 'label-value' } });

const IP_BLOCK: Node = {
  title: 'an ipBlock',
  fields: {
    cidr: { doc: 'The address range in CIDR notation, e.g. 10.0.0.0/8 or 0.0.0.0/0.', shape: 'scalar' },
    except: { doc: 'Ranges inside `cidr` that are left out.', shape: 'scalar-list' },
  },
};

const PEER: Node = {
  title: 'a peer',
  fields: {
    podSelector: { doc: 'Pods with these labels (in the policy namespace, or in the namespaces of `namespaceSelector`).', shape: 'map', node: LABEL_SELECTOR },
    namespaceSelector: { doc: 'Namespaces with these labels; with `podSelector` in the same item, only those pods in them.', shape: 'map', node: LABEL_SELECTOR },
    ipBlock: { doc: 'Addresses outside the cluster, as a CIDR range with exceptions.', shape: 'map', node: IP_BLOCK },
  },
};

const PORT: Node = {
  title: 'a port',
  fields: {
    protocol: { doc: 'TCP (the default), UDP or SCTP.', shape: 'scalar', values: enumOf(['TCP', 'The default.'], ['UDP', 'DNS, QUIC, and other datagram traffic.'], ['SCTP', 'Stream Control Transmission Protocol.']) },
    port: { doc: 'A port number, or the name of a container port of the pods it applies to.', shape: 'scalar', values: { kind: 'named-port' } },
    endPort: { doc: 'With a numeric `port`: the last port of the range `port`..`endPort`.', shape: 'scalar' },
  },
};

const INGRESS_RULE: Node = {
  title: 'an ingress rule',
  fields: {
    from: { doc: 'Sources allowed in; without `from`, traffic from anywhere is allowed.', shape: 'list', node: PEER },
    ports: { doc: 'Ports allowed; without `ports`, every port is allowed.', shape: 'list', node: PORT },
  },
};

const EGRESS_RULE: Node = {
  title: 'an egress rule',
  fields: {
    to: { doc: 'Destinations allowed; without `to`, traffic to anywhere is allowed.', shape: 'list', node: PEER },
    ports: { doc: 'Ports allowed; without `ports`, every port is allowed.', shape: 'list', node: PORT },
  },
};

const POLICY_TYPES = enumOf(['Ingress', 'The policy restricts traffic into the selected pods.'], ['Egress', 'The policy restricts traffic out of the selected pods.']);

const SPEC: Node = {
  title: 'the spec',
  fields: {
    podSelector: { doc: 'The pods of the policy namespace this policy applies to; `{}` selects all of them.', shape: 'map', node: LABEL_SELECTOR },
    policyTypes: { doc: 'Which directions the policy isolates: Ingress, Egress, or both.', shape: 'scalar-list', values: POLICY_TYPES },
    ingress: { doc: 'Rules for traffic into the selected pods; none means no ingress is allowed.', shape: 'list', node: INGRESS_RULE },
    egress: { doc: 'Rules for traffic out of the selected pods; none means no egress is allowed.', shape: 'list', node: EGRESS_RULE },
  },
};

export const NETWORK_POLICY: Node = {
  title: 'a NetworkPolicy',
  fields: {
    apiVersion: { doc: 'The API group and version of NetworkPolicy.', shape: 'scalar', values: enumOf(['networking.k8s.io/v1', 'Kubernetes NetworkPolicy.']) },
    kind: { doc: 'The object kind.', shape: 'scalar', values: enumOf(['NetworkPolicy', 'A Kubernetes NetworkPolicy.']) },
    metadata: { doc: 'The policy name and namespace.', shape: 'map', node: METADATA },
    spec: { doc: 'Which pods the policy selects and which traffic it allows.', shape: 'map', node: SPEC },
  },
};
