/**
 * The fields completion offers, with a one-line doc each, as data: what may be
 * written where in a policy, and what a value may be. Only fields a person writes
 * are here (no `status`, `managedFields`, ...); the validation schemas in
 * analysis/schema and calico/checks know every field, and a unit test checks that
 * every field offered here is one they accept.
 */

export interface EnumValue {
  readonly value: string;
  readonly doc: string;
}

/** Where the values of a scalar come from. */
export type ValueSource =
  | { readonly kind: 'enum'; readonly values: readonly EnumValue[] }
  /** Namespace names of the workspace. */
  | { readonly kind: 'namespaces' }
  /** Label keys of the selector's scope (`matchExpressions[].key`). */
  | { readonly kind: 'label-key' }
  /** Label values of the requirement's key (`matchExpressions[].values`). */
  | { readonly kind: 'label-value' }
  /** Container port names of the pods the rule's ports apply to. */
  | { readonly kind: 'named-port' }
  /** A Calico selector expression. */
  | { readonly kind: 'calico-selector'; readonly scope: CalicoSelectorScope };

/**
 * What a Calico selector picks from: endpoints (pods), or namespaces. `entity`
 * selectors of a rule look in the policy's namespace unless the rule also has a
 * namespaceSelector; the policy's own selector likewise, and everywhere for a
 * GlobalNetworkPolicy.
 */
export type CalicoSelectorScope = 'policy-pods' | 'entity-pods' | 'namespaces' | 'service-accounts';

export type FieldShape =
  /** A map with the fields of `node`. */
  | 'map'
  /** A list of maps with the fields of `node`. */
  | 'list'
  | 'scalar'
  /** A list of scalars with `values`. */
  | 'scalar-list'
  /** A map of label keys to label values (`matchLabels`). */
  | 'labels'
  /** A map of free keys (annotations, metadata labels): nothing to offer inside. */
  | 'free-map';

export interface FieldSpec {
  readonly doc: string;
  readonly shape: FieldShape;
  readonly node?: SchemaNode;
  readonly values?: ValueSource;
  /** Offered only in a GlobalNetworkPolicy (or only in a namespaced policy). */
  readonly only?: 'global' | 'namespaced';
}

export interface SchemaNode {
  /** What this map is, for the detail line of its fields: "a peer", "a port". */
  readonly title: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

const enumOf = (...values: (readonly [string, string])[]): ValueSource => ({ kind: 'enum', values: values.map(([value, doc]) => ({ value, doc })) });

const REQUIREMENT: SchemaNode = {
  title: 'a label requirement',
  fields: {
    key: { doc: 'The label key this requirement looks at.', shape: 'scalar', values: { kind: 'label-key' } },
    operator: {
      doc: 'How the label is compared: In, NotIn, Exists or DoesNotExist.',
      shape: 'scalar',
      values: enumOf(
        ['In', 'The label is set to one of `values`.'],
        ['NotIn', 'The label is missing, or set to none of `values`.'],
        ['Exists', 'The label is set, to any value (no `values`).'],
        ['DoesNotExist', 'The label is not set (no `values`).'],
      ),
    },
    values: { doc: 'The values for In and NotIn; must be empty for Exists and DoesNotExist.', shape: 'scalar-list', values: { kind: 'label-value' } },
  },
};

const LABEL_SELECTOR: SchemaNode = {
  title: 'a label selector',
  fields: {
    matchLabels: { doc: 'Labels that must all be present with exactly these values.', shape: 'labels' },
    matchExpressions: { doc: 'Requirements on labels (In, NotIn, Exists, DoesNotExist); all must hold.', shape: 'list', node: REQUIREMENT },
  },
};

const IP_BLOCK: SchemaNode = {
  title: 'an ipBlock',
  fields: {
    cidr: { doc: 'The address range in CIDR notation, e.g. 10.0.0.0/8 or 0.0.0.0/0.', shape: 'scalar' },
    except: { doc: 'Ranges inside `cidr` that are left out.', shape: 'scalar-list' },
  },
};

const PEER: SchemaNode = {
  title: 'a peer',
  fields: {
    podSelector: { doc: 'Pods with these labels (in the policy namespace, or in the namespaces of `namespaceSelector`).', shape: 'map', node: LABEL_SELECTOR },
    namespaceSelector: { doc: 'Namespaces with these labels; with `podSelector` in the same item, only those pods in them.', shape: 'map', node: LABEL_SELECTOR },
    ipBlock: { doc: 'Addresses outside the cluster, as a CIDR range with exceptions.', shape: 'map', node: IP_BLOCK },
  },
};

const PORT: SchemaNode = {
  title: 'a port',
  fields: {
    protocol: { doc: 'TCP (the default), UDP or SCTP.', shape: 'scalar', values: enumOf(['TCP', 'The default.'], ['UDP', 'DNS, QUIC, and other datagram traffic.'], ['SCTP', 'Stream Control Transmission Protocol.']) },
    port: { doc: 'A port number, or the name of a container port of the pods it applies to.', shape: 'scalar', values: { kind: 'named-port' } },
    endPort: { doc: 'With a numeric `port`: the last port of the range `port`..`endPort`.', shape: 'scalar' },
  },
};

const INGRESS_RULE: SchemaNode = {
  title: 'an ingress rule',
  fields: {
    from: { doc: 'Sources allowed in; without `from`, traffic from anywhere is allowed.', shape: 'list', node: PEER },
    ports: { doc: 'Ports allowed; without `ports`, every port is allowed.', shape: 'list', node: PORT },
  },
};

const EGRESS_RULE: SchemaNode = {
  title: 'an egress rule',
  fields: {
    to: { doc: 'Destinations allowed; without `to`, traffic to anywhere is allowed.', shape: 'list', node: PEER },
    ports: { doc: 'Ports allowed; without `ports`, every port is allowed.', shape: 'list', node: PORT },
  },
};

const POLICY_TYPES = enumOf(['Ingress', 'The policy restricts traffic into the selected pods.'], ['Egress', 'The policy restricts traffic out of the selected pods.']);

const SPEC: SchemaNode = {
  title: 'the spec',
  fields: {
    podSelector: { doc: 'The pods of the policy namespace this policy applies to; `{}` selects all of them.', shape: 'map', node: LABEL_SELECTOR },
    policyTypes: { doc: 'Which directions the policy isolates: Ingress, Egress, or both.', shape: 'scalar-list', values: POLICY_TYPES },
    ingress: { doc: 'Rules for traffic into the selected pods; none means no ingress is allowed.', shape: 'list', node: INGRESS_RULE },
    egress: { doc: 'Rules for traffic out of the selected pods; none means no egress is allowed.', shape: 'list', node: EGRESS_RULE },
  },
};

export const METADATA: SchemaNode = {
  title: 'metadata',
  fields: {
    name: { doc: 'The policy name: lower-case letters, digits and `-`, unique in its namespace.', shape: 'scalar' },
    namespace: { doc: 'The namespace the policy lives in and whose pods it selects; `default` when omitted.', shape: 'scalar', values: { kind: 'namespaces' }, only: 'namespaced' },
    labels: { doc: 'Labels of the policy object itself (they select nothing).', shape: 'free-map' },
    annotations: { doc: 'Notes for people and tools; no effect on traffic.', shape: 'free-map' },
  },
};

export const NETWORK_POLICY: SchemaNode = {
  title: 'a NetworkPolicy',
  fields: {
    apiVersion: { doc: 'The API group and version of NetworkPolicy.', shape: 'scalar', values: enumOf(['networking.k8s.io/v1', 'Kubernetes NetworkPolicy.']) },
    kind: { doc: 'The object kind.', shape: 'scalar', values: enumOf(['NetworkPolicy', 'A Kubernetes NetworkPolicy.']) },
    metadata: { doc: 'The policy name and namespace.', shape: 'map', node: METADATA },
    spec: { doc: 'Which pods the policy selects and which traffic it allows.', shape: 'map', node: SPEC },
  },
};
