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

/** Shallow text that is deep through aliases: each anchor's map holds an alias of the one before, `length` anchors long. */
export function aliasChainYaml(length: number): string {
  const lines = ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: p, namespace: n}', 'x0: &a0 {podSelector: {}}'];
  for (let i = 1; i < length; i++) lines.push(`x${i}: &a${i} {podSelector: {}, nested: *a${i - 1}}`);
  lines.push(`spec: *a${length - 1}`);
  return `${lines.join('\n')}\n`;
}

/** Aliases that expand exponentially ("billion laughs"): `levels` anchors, each a list of three aliases of the one before. */
export function aliasLaughsYaml(levels: number): string {
  const lines = ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: p, namespace: n}', 'x0: &a0 [{podSelector: {}}]'];
  for (let i = 1; i < levels; i++) lines.push(`x${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}]`);
  lines.push(`spec: {podSelector: {}, ingress: [{from: *a${levels - 1}}], egress: *a${levels - 1}}`);
  return `${lines.join('\n')}\n`;
}
