/**
 * The shape of projectcalico.org/v3 NetworkPolicy and GlobalNetworkPolicy, as the
 * schema check needs it: which fields exist where, and of what type. Taken from
 * Calico's API types (api/pkg/apis/projectcalico/v3); fields the extension does
 * not model further (http, metadata of objects) are still known, so using them
 * is not reported as a typo.
 */
export type ScalarType = 'string' | 'number' | 'integer' | 'boolean' | 'int-or-string';

export type SchemaNode =
  | { readonly kind: 'scalar'; readonly type: ScalarType; readonly code?: string }
  | { readonly kind: 'list'; readonly items: SchemaNode }
  | { readonly kind: 'string-map' }
  | { readonly kind: 'any' }
  | ObjectSchema;

export interface ObjectSchema {
  readonly kind: 'object';
  /** How messages name this object: "the spec", "a rule", ... */
  readonly name: string;
  readonly fields: Readonly<Record<string, SchemaNode>>;
  /** Fields that do not exist here but that people write here: what to say instead of a plain "unknown". */
  readonly hints?: Readonly<Record<string, string>>;
}

const STRING: SchemaNode = { kind: 'scalar', type: 'string' };
const INTEGER: SchemaNode = { kind: 'scalar', type: 'integer' };
const BOOLEAN: SchemaNode = { kind: 'scalar', type: 'boolean' };
const INT_OR_STRING: SchemaNode = { kind: 'scalar', type: 'int-or-string' };
const STRINGS: SchemaNode = { kind: 'list', items: STRING };
const ANY: SchemaNode = { kind: 'any' };

const METADATA: ObjectSchema = {
  kind: 'object',
  name: 'metadata',
  fields: {
    name: STRING, generateName: STRING, namespace: STRING, selfLink: STRING, uid: STRING, resourceVersion: STRING,
    generation: INTEGER, creationTimestamp: ANY, deletionTimestamp: ANY, deletionGracePeriodSeconds: INTEGER,
    labels: { kind: 'string-map' }, annotations: { kind: 'string-map' }, ownerReferences: ANY, finalizers: STRINGS, managedFields: ANY,
  },
};

const ICMP: ObjectSchema = { kind: 'object', name: 'an ICMP match', fields: { type: INTEGER, code: INTEGER } };

const ENTITY_RULE: ObjectSchema = {
  kind: 'object',
  name: 'a source or destination',
  fields: {
    nets: STRINGS, notNets: STRINGS, selector: STRING, notSelector: STRING, namespaceSelector: STRING,
    ports: { kind: 'list', items: INT_OR_STRING }, notPorts: { kind: 'list', items: INT_OR_STRING },
    serviceAccounts: { kind: 'object', name: 'serviceAccounts', fields: { names: STRINGS, selector: STRING } },
    services: { kind: 'object', name: 'services', fields: { name: STRING, namespace: STRING } },
  },
  hints: {
    podSelector: 'Calico writes "selector" here ("podSelector" is Kubernetes NetworkPolicy syntax).',
    ipBlock: 'Calico writes CIDRs as a list under "nets" (and "notNets" for exceptions), not "ipBlock".',
    protocol: '"protocol" belongs to the rule itself, next to "action", not inside source or destination.',
  },
};

const RULE: ObjectSchema = {
  kind: 'object',
  name: 'a rule',
  fields: {
    action: STRING, ipVersion: INTEGER, protocol: INT_OR_STRING, notProtocol: INT_OR_STRING, icmp: ICMP, notICMP: ICMP,
    source: ENTITY_RULE, destination: ENTITY_RULE,
    http: { kind: 'object', name: 'an HTTP match', fields: { methods: STRINGS, paths: { kind: 'list', items: { kind: 'object', name: 'an HTTP path', fields: { exact: STRING, prefix: STRING } } } } },
    metadata: { kind: 'object', name: 'rule metadata', fields: { annotations: { kind: 'string-map' } } },
  },
  hints: {
    from: 'Calico rules match peers with "source" (and "destination"), not "from".',
    to: 'Calico rules match peers with "destination" (and "source"), not "to".',
    ports: 'In a Calico rule, "ports" belong inside "destination" (or "source"), and the rule needs a "protocol".',
    notPorts: 'In a Calico rule, "notPorts" belong inside "destination" (or "source").',
  },
};

const COMMON_SPEC_FIELDS: Readonly<Record<string, SchemaNode>> = {
  tier: STRING,
  order: { kind: 'scalar', type: 'number', code: 'calico/order-not-number' },
  selector: STRING,
  serviceAccountSelector: STRING,
  types: STRINGS,
  ingress: { kind: 'list', items: RULE },
  egress: { kind: 'list', items: RULE },
  performanceHints: STRINGS,
};

const K8S_SPEC_HINTS: Readonly<Record<string, string>> = {
  podSelector: 'Calico selects endpoints with "selector", an expression such as app == \'web\' ("podSelector" is Kubernetes NetworkPolicy syntax).',
  policyTypes: 'Calico calls this field "types" ("policyTypes" is Kubernetes NetworkPolicy syntax).',
};

const NETWORK_POLICY_SPEC: ObjectSchema = {
  kind: 'object',
  name: 'the spec',
  fields: COMMON_SPEC_FIELDS,
  hints: {
    ...K8S_SPEC_HINTS,
    namespaceSelector: 'A namespaced NetworkPolicy applies in its own namespace only; "namespaceSelector" exists on GlobalNetworkPolicy, or inside a rule\'s source or destination.',
    doNotTrack: '"doNotTrack" exists only on GlobalNetworkPolicy (for host endpoints).',
    preDNAT: '"preDNAT" exists only on GlobalNetworkPolicy (for host endpoints).',
    applyOnForward: '"applyOnForward" exists only on GlobalNetworkPolicy (for host endpoints).',
  },
};

const GLOBAL_NETWORK_POLICY_SPEC: ObjectSchema = {
  kind: 'object',
  name: 'the spec',
  fields: { ...COMMON_SPEC_FIELDS, namespaceSelector: STRING, doNotTrack: BOOLEAN, preDNAT: BOOLEAN, applyOnForward: BOOLEAN },
  hints: K8S_SPEC_HINTS,
};

function policySchema(spec: ObjectSchema): ObjectSchema {
  return { kind: 'object', name: 'the policy', fields: { apiVersion: STRING, kind: STRING, metadata: METADATA, spec, status: ANY } };
}

export const NETWORK_POLICY_SCHEMA = policySchema(NETWORK_POLICY_SPEC);
export const GLOBAL_NETWORK_POLICY_SCHEMA = policySchema(GLOBAL_NETWORK_POLICY_SPEC);
