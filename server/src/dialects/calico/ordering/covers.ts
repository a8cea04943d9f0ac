/**
 * "Does A match everything B matches?" for policies (the endpoints they apply
 * to) and rules (the traffic they match). Every answer is `true` only when it is
 * certain; anything unsure (a selector whose answer cannot be proved, service
 * accounts, HTTP matches) is `false`, so the findings built on it never cry wolf.
 */
import { implies, satisfiable, type Literal } from '../selector/implication';
import type { SelectorNode } from '../selector/ast';
import { cidrContains, cidrsDisjoint } from '../../../core/net/cidr';
import { equalsNode, type EntityShape, type NamespaceScope, type PolicyShape, type PortShape, type RuleShape } from './shapes';

const NAMESPACE_LABEL = 'projectcalico.org/namespace';

/** The namespace's own labels that every namespace carries: its name, as Kubernetes and Calico write it. */
function namespaceNameFacts(namespace: string): SelectorNode[] {
  return [equalsNode('projectcalico.org/name', namespace), equalsNode('kubernetes.io/metadata.name', namespace)];
}

/** Every endpoint `inner` applies to, `outer` applies to as well. */
export function appliesToAllOf(outer: PolicyShape, inner: PolicyShape): boolean {
  if (outer.restricted || !outer.selector || !inner.selector) return false;
  if (outer.namespace !== undefined && outer.namespace !== inner.namespace) return false;
  if (!namespacesCovered(outer, inner)) return false;
  const facts = inner.namespace !== undefined ? [equalsNode(NAMESPACE_LABEL, inner.namespace)] : [];
  return implies([inner.selector, ...facts], outer.selector) === true;
}

function namespacesCovered(outer: PolicyShape, inner: PolicyShape): boolean {
  if (outer.namespace !== undefined) return inner.namespace === outer.namespace;
  if (!outer.namespaceSelector || outer.namespaceSelector.kind === 'all') return true;
  if (inner.namespace !== undefined) return implies(namespaceNameFacts(inner.namespace), outer.namespaceSelector) === true;
  return inner.namespaceSelector !== undefined && implies([inner.namespaceSelector], outer.namespaceSelector) === true;
}

/** Whether some endpoint may be one both policies apply to (`true` only when an example exists). */
export function mayShareEndpoints(a: PolicyShape, b: PolicyShape): boolean {
  if (!a.selector || !b.selector || a.restricted || b.restricted) return false;
  if (a.namespace !== undefined && b.namespace !== undefined && a.namespace !== b.namespace) return false;
  const namespace = a.namespace ?? b.namespace;
  const literals: Literal[] = [{ node: a.selector }, { node: b.selector }];
  if (namespace !== undefined) literals.push({ node: equalsNode(NAMESPACE_LABEL, namespace) });
  const nsLiterals: Literal[] = [a.namespaceSelector, b.namespaceSelector].filter((n): n is SelectorNode => n !== undefined).map((node) => ({ node }));
  if (namespace !== undefined) nsLiterals.push(...namespaceNameFacts(namespace).map((node) => ({ node })));
  return satisfiable(literals) === true && (nsLiterals.length === 0 || satisfiable(nsLiterals) === true);
}

/** Every connection `inner` matches, `outer` matches too (same direction, any action). */
export function ruleCovers(outer: RuleShape, inner: RuleShape): boolean {
  if (outer.direction !== inner.direction || outer.http) return false;
  if (outer.protocol !== undefined && outer.protocol !== inner.protocol) return false;
  if (outer.notProtocol !== undefined && outer.notProtocol !== inner.notProtocol && (inner.protocol === undefined || inner.protocol === outer.notProtocol)) return false;
  if (outer.ipVersion !== undefined && outer.ipVersion !== inner.ipVersion) return false;
  if (outer.icmp !== undefined && outer.icmp !== inner.icmp) return false;
  if (outer.notIcmp !== undefined && outer.notIcmp !== inner.notIcmp) return false;
  return entityCovers(outer.source, inner.source) && entityCovers(outer.destination, inner.destination);
}

function entityCovers(outer: EntityShape, inner: EntityShape): boolean {
  if (outer.opaque) return false;
  if (outer.ports && !(inner.ports && inner.ports.every((p) => portIn(p, outer.ports!)))) return false;
  if (outer.notPorts && !outer.notPorts.every((p) => portExcluded(p, inner))) return false;
  if (outer.nets && !(inner.nets && inner.nets.every((n) => outer.nets!.some((o) => cidrContains(o, n))))) return false;
  if (outer.notNets && !outer.notNets.every((o) => (inner.notNets ?? []).some((n) => cidrContains(n, o)) || (inner.nets !== undefined && inner.nets.every((n) => cidrsDisjoint(n, o))))) return false;
  if (outer.scoped && !scopeCovers(outer, inner)) return false;
  if (outer.notSelector && !excludes(inner, outer.notSelector)) return false;
  return true;
}

/** The facts every endpoint of a scoped side has: its selector, its namespace. */
function endpointFacts(side: EntityShape): Literal[] {
  const facts: Literal[] = [];
  if (side.selector) facts.push({ node: side.selector });
  if (side.namespaces.kind === 'named') facts.push({ node: equalsNode(NAMESPACE_LABEL, side.namespaces.namespace) });
  if (side.notSelector) facts.push({ node: side.notSelector, negated: true });
  return facts;
}

function scopeCovers(outer: EntityShape, inner: EntityShape): boolean {
  if (!inner.scoped || inner.opaque) return false;
  if (!namespaceScopeCovers(outer.namespaces, inner.namespaces)) return false;
  if (!outer.selector) return true;
  if (!inner.selector) return outer.selector.kind === 'all';
  const premises = endpointFacts(inner).filter((l) => !l.negated).map((l) => l.node);
  return implies(premises, outer.selector) === true;
}

function namespaceScopeCovers(outer: NamespaceScope, inner: NamespaceScope): boolean {
  if (inner.kind === 'none' || outer.kind === 'any') return true;
  switch (outer.kind) {
    case 'none':
      return false;
    case 'named':
      return inner.kind === 'named' && inner.namespace === outer.namespace;
    case 'selected':
      if (outer.selector.kind === 'all') return true;
      if (inner.kind === 'named') return implies(namespaceNameFacts(inner.namespace), outer.selector) === true;
      return inner.kind === 'selected' && implies([inner.selector], outer.selector) === true;
  }
}

/** No endpoint `side` matches has the labels `excluded` selects (addresses outside the cluster never do). */
function excludes(side: EntityShape, excluded: SelectorNode): boolean {
  if (side.opaque) return false;
  return satisfiable([...endpointFacts(side), { node: excluded }]) === false;
}

function portIn(port: PortShape, list: readonly PortShape[]): boolean {
  if (port.kind === 'named') return list.some((p) => p.kind === 'named' && p.name === port.name);
  return rangeCovered(port.min, port.max, list);
}

/** Whether [min, max] lies within the union of the numeric entries of `list`. */
function rangeCovered(min: number, max: number, list: readonly PortShape[]): boolean {
  const ranges = list.filter((p): p is Extract<PortShape, { kind: 'range' }> => p.kind === 'range').sort((a, b) => a.min - b.min);
  let next = min;
  for (const r of ranges) {
    if (r.min > next) break;
    next = Math.max(next, r.max + 1);
    if (next > max) return true;
  }
  return next > max;
}

/** `inner` never matches `port`: its notPorts exclude it, or its ports are all numbers away from it. */
function portExcluded(port: PortShape, inner: EntityShape): boolean {
  if (inner.notPorts && portIn(port, inner.notPorts)) return true;
  if (port.kind === 'named' || !inner.ports) return false;
  return inner.ports.every((p) => p.kind === 'range' && (p.max < port.min || p.min > port.max));
}
