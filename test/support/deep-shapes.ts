/**
 * Texts nested far deeper than any manifest, in the shapes that once killed or froze
 * the server: a JSON object chain, a chain of `kind: List` in JSON, a YAML flow
 * sequence chain and a block sequence chain. Each mentions a NetworkPolicy, so the
 * file is the extension's to speak about.
 */

/** `{"kind":"NetworkPolicy","a":{"a":{...}}}`, `depth` objects deep (about 5 bytes a level). */
export function deepJsonObject(depth: number): string {
  return `{"kind":"NetworkPolicy","a":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
}

/** A `kind: List` whose only item is a `kind: List` ... `depth` lists deep, around one NetworkPolicy. */
export function deepJsonList(depth: number): string {
  const policy = '{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"p"},"spec":{"podSelector":{}}}';
  return `${'{"kind":"List","items":['.repeat(depth)}${policy}${']}'.repeat(depth)}`;
}

/** A YAML policy whose `spec` is a flow sequence `depth` brackets deep. */
export function deepFlowYaml(depth: number): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** A YAML policy whose `spec.x` is `- - - ... x`, `depth` block sequences deep on one line. */
export function deepBlockYaml(depth: number): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  x:\n  ${'- '.repeat(depth)}x\n`;
}
