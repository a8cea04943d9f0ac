/**
 * The fields of a Kubernetes label selector (metav1.LabelSelector) that completion
 * offers: the same API type in every dialect that selects by labels the Kubernetes way.
 * A dialect that can list label keys and values passes its value sources for them.
 */
import { enumOf, type SchemaNode, type ValueSource } from './schema-types';

export function labelSelectorSchema<V = never>(sources: { readonly key?: ValueSource<V>; readonly value?: ValueSource<V> } = {}): SchemaNode<V> {
  const requirement: SchemaNode<V> = {
    title: 'a label requirement',
    fields: {
      key: { doc: 'The label key this requirement looks at.', shape: 'scalar', ...(sources.key && { values: sources.key }) },
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
      values: { doc: 'The values for In and NotIn; must be empty for Exists and DoesNotExist.', shape: 'scalar-list', ...(sources.value && { values: sources.value }) },
    },
  };
  return {
    title: 'a label selector',
    fields: {
      matchLabels: { doc: 'Labels that must all be present with exactly these values.', shape: 'labels' },
      matchExpressions: { doc: 'Requirements on labels (In, NotIn, Exists, DoesNotExist); all must hold.', shape: 'list', node: requirement },
    },
  };
}
