/** metav1.ObjectMeta as a NetworkPolicy's `metadata` accepts it (Kubernetes 1.25+, no clusterName). */
import type { ObjectSchema, SchemaNode } from './schema-types';

const STRING: SchemaNode = { type: 'string' };
const INTEGER: SchemaNode = { type: 'integer' };
const BOOLEAN: SchemaNode = { type: 'boolean' };

const OWNER_REFERENCE: ObjectSchema = {
  type: 'object',
  title: 'an owner reference',
  fields: { apiVersion: STRING, kind: STRING, name: STRING, uid: STRING, controller: BOOLEAN, blockOwnerDeletion: BOOLEAN },
};

const MANAGED_FIELDS_ENTRY: ObjectSchema = {
  type: 'object',
  title: 'a managed fields entry',
  fields: { manager: STRING, operation: STRING, apiVersion: STRING, time: STRING, fieldsType: STRING, fieldsV1: { type: 'any' }, subresource: STRING },
};

export const OBJECT_META: ObjectSchema = {
  type: 'object',
  title: 'object metadata',
  fields: {
    name: STRING,
    generateName: STRING,
    namespace: STRING,
    selfLink: STRING,
    uid: STRING,
    resourceVersion: STRING,
    generation: INTEGER,
    creationTimestamp: STRING,
    deletionTimestamp: STRING,
    deletionGracePeriodSeconds: INTEGER,
    labels: { type: 'string-map' },
    annotations: { type: 'string-map' },
    ownerReferences: { type: 'array', items: OWNER_REFERENCE },
    finalizers: { type: 'array', items: STRING },
    managedFields: { type: 'array', items: MANAGED_FIELDS_ENTRY },
  },
  misplaced: {
    podSelector: '`podSelector` belongs under `spec`, not `metadata`.',
    matchLabels: '`matchLabels` belongs inside a selector such as `spec.podSelector`.',
  },
};
