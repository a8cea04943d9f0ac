/**
 * A small, data-driven description of an API object's fields, enough to find what
 * kubectl's strict field validation and the JSON decoder would reject: unknown
 * fields and values of the wrong type. Value rules (names, CIDRs, ports) live in
 * the checks; this table only knows shapes.
 */

export type SchemaNode =
  | { readonly type: 'string' }
  | { readonly type: 'integer' }
  | { readonly type: 'boolean' }
  /** intstr.IntOrString: an integer or a string (ports). */
  | { readonly type: 'int-or-string' }
  /** map[string]string, as labels, annotations and matchLabels. */
  | { readonly type: 'string-map' }
  | { readonly type: 'array'; readonly items: SchemaNode }
  | ObjectSchema
  /** Free-form content the API server does not interpret field by field (managedFields.fieldsV1). */
  | { readonly type: 'any' };

export interface ObjectSchema {
  readonly type: 'object';
  /** What the object is, for messages: "a NetworkPolicy peer". */
  readonly title: string;
  readonly fields: Readonly<Record<string, SchemaNode>>;
  /**
   * Unknown keys that are a known slip for another field of this object, e.g. `from`
   * in an egress rule means `to`. Checked before the spelling suggestions.
   */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Unknown keys that belong elsewhere, with a sentence saying where. */
  readonly misplaced?: Readonly<Record<string, string>>;
}

/** How a type is named in messages: "must be a string". */
export function describeType(node: SchemaNode): string {
  switch (node.type) {
    case 'string':
      return 'a string';
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'true or false';
    case 'int-or-string':
      return 'a port number or a port name';
    case 'string-map':
      return 'a map of string keys to string values';
    case 'array':
      return 'a list';
    case 'object':
      return `a map (${node.title})`;
    case 'any':
      return 'any value';
  }
}
