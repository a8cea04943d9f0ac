/** The `metadata` fields completion offers in any policy: the same ObjectMeta for every dialect. */
import type { SchemaNode } from './schema-types';

export const METADATA: SchemaNode = {
  title: 'metadata',
  fields: {
    name: { doc: 'The policy name: lower-case letters, digits and `-`, unique in its namespace.', shape: 'scalar' },
    namespace: { doc: 'The namespace the policy lives in and whose pods it selects; `default` when omitted.', shape: 'scalar', values: { kind: 'namespaces' }, only: 'namespaced' },
    labels: { doc: 'Labels of the policy object itself (they select nothing).', shape: 'free-map' },
    annotations: { doc: 'Notes for people and tools; no effect on traffic.', shape: 'free-map' },
  },
};
