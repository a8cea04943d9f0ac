/**
 * networking.k8s.io/v1 NetworkPolicy, field by field (k8s.io/api/networking/v1/types.go).
 *
 * `status` (NetworkPolicyStatus with conditions) was served from 1.24 to 1.27 and is
 * kept here so manifests exported from those clusters are not flagged; the API server
 * sets status itself and ignores it on create, so it needs no further checks.
 */
import { OBJECT_META } from './object-meta-schema';
import type { ObjectSchema, SchemaNode } from './schema-types';

const STRING: SchemaNode = { type: 'string' };
const INTEGER: SchemaNode = { type: 'integer' };

const SELECTOR_REQUIREMENT: ObjectSchema = {
  type: 'object',
  title: 'a selector requirement',
  fields: { key: STRING, operator: STRING, values: { type: 'array', items: STRING } },
  aliases: { value: 'values' },
};

export const LABEL_SELECTOR: ObjectSchema = {
  type: 'object',
  title: 'a label selector',
  fields: { matchLabels: { type: 'string-map' }, matchExpressions: { type: 'array', items: SELECTOR_REQUIREMENT } },
  aliases: { labels: 'matchLabels', matchLabel: 'matchLabels', matchExpression: 'matchExpressions' },
  misplaced: {
    namespace: 'A selector cannot name a namespace: use `namespaceSelector` with `matchLabels: {kubernetes.io/metadata.name: NAME}` in the peer.',
  },
};

const IP_BLOCK: ObjectSchema = {
  type: 'object',
  title: 'an ipBlock',
  fields: { cidr: STRING, except: { type: 'array', items: STRING } },
  aliases: { cidrs: 'cidr', exceptions: 'except', excepts: 'except' },
};

const PEER: ObjectSchema = {
  type: 'object',
  title: 'a NetworkPolicy peer',
  fields: { podSelector: LABEL_SELECTOR, namespaceSelector: LABEL_SELECTOR, ipBlock: IP_BLOCK },
  misplaced: {
    ports: '`ports` belongs to the rule, beside `from`/`to`, not inside a peer: outdent it to the level of `from`/`to`.',
    matchLabels: '`matchLabels` must sit inside `podSelector` or `namespaceSelector`.',
    matchExpressions: '`matchExpressions` must sit inside `podSelector` or `namespaceSelector`.',
  },
};

const PORT: ObjectSchema = {
  type: 'object',
  title: 'a NetworkPolicy port',
  fields: { protocol: STRING, port: { type: 'int-or-string' }, endPort: INTEGER },
  aliases: { targetPort: 'port', containerPort: 'port', portRange: 'endPort' },
};

/**
 * Ingress and egress rules differ only in the name of their peer list (`from`,
 * `to`): the other name is the usual slip, and a peer written straight into the
 * rule gets the same advice, pointing at the right list.
 */
function ruleSchema(title: string, peers: 'from' | 'to'): ObjectSchema {
  const advice = (field: string): string => `A peer goes in a \`${peers}\` list: write \`- ${peers}:\` and then \`- ${field}: ...\` under it.`;
  return {
    type: 'object',
    title,
    fields: { ports: { type: 'array', items: PORT }, [peers]: { type: 'array', items: PEER } },
    aliases: { [peers === 'from' ? 'to' : 'from']: peers },
    misplaced: { podSelector: advice('podSelector'), namespaceSelector: advice('namespaceSelector'), ipBlock: advice('ipBlock') },
  };
}

const INGRESS_RULE = ruleSchema('an ingress rule', 'from');
const EGRESS_RULE = ruleSchema('an egress rule', 'to');

const SPEC: ObjectSchema = {
  type: 'object',
  title: 'a NetworkPolicy spec',
  fields: {
    podSelector: LABEL_SELECTOR,
    ingress: { type: 'array', items: INGRESS_RULE },
    egress: { type: 'array', items: EGRESS_RULE },
    policyTypes: { type: 'array', items: STRING },
  },
  aliases: { policyType: 'policyTypes', types: 'policyTypes' },
  misplaced: {
    from: '`from` belongs to an ingress rule: write `ingress:` and then `- from: ...` under it.',
    to: '`to` belongs to an egress rule: write `egress:` and then `- to: ...` under it.',
    ports: '`ports` belongs to an ingress or egress rule, not directly to `spec`.',
    namespace: '`namespace` belongs under `metadata`.',
    matchLabels: '`matchLabels` belongs inside `podSelector`.',
  },
};

const CONDITION: ObjectSchema = {
  type: 'object',
  title: 'a status condition',
  fields: { type: STRING, status: STRING, observedGeneration: INTEGER, lastTransitionTime: STRING, reason: STRING, message: STRING },
};

const STATUS: ObjectSchema = {
  type: 'object',
  title: 'a NetworkPolicy status',
  fields: { conditions: { type: 'array', items: CONDITION } },
};

export const NETWORK_POLICY: ObjectSchema = {
  type: 'object',
  title: 'a NetworkPolicy',
  fields: { apiVersion: STRING, kind: STRING, metadata: OBJECT_META, spec: SPEC, status: STATUS },
  aliases: { meta: 'metadata', specs: 'spec' },
  misplaced: {
    podSelector: '`podSelector` belongs under `spec`.',
    ingress: '`ingress` belongs under `spec`.',
    egress: '`egress` belongs under `spec`.',
    policyTypes: '`policyTypes` belongs under `spec`.',
    name: '`name` belongs under `metadata`.',
    namespace: '`namespace` belongs under `metadata`.',
  },
};
