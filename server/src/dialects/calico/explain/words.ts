/**
 * Calico rules and their parts as phrases that slot into sentences: which pods a
 * policy applies to, what a rule side matches, ports and protocols. The policy,
 * rule and field hovers all build on these, so they describe a policy in the same
 * words. Selectors appear as their expression in a code span; the selector hover
 * itself spells them out in English.
 */
import { effectiveNamespace } from '../model/defaults';
import type { CalicoPolicy, CalicoPort, CalicoRule, CalicoSelector, EntityRule, Field, ListField } from '../model/types';
import { interpretProtocol } from '../model/protocol';
import { formatSelector } from '../selector/print';
import { icmpProtocolPhrase } from './icmp-words';
import { code, listOr } from '../../../analysis/explain/markdown';

/** The selector as written, or undefined when it is not written, empty (not set for Calico) or invalid. */
export function expression(selector: CalicoSelector | undefined): string | undefined {
  if (!selector || selector.text === '' || !selector.parse.ok) return undefined;
  return formatSelector(selector.parse.ast);
}

function isAll(selector: CalicoSelector | undefined): boolean {
  return selector !== undefined && selector.parse.ok && selector.parse.ast.kind === 'all';
}

/** `namespace \`shop\``, or every namespace for a GlobalNetworkPolicy (narrowed by its namespaceSelector). */
function policyScope(policy: CalicoPolicy): string {
  const namespace = effectiveNamespace(policy);
  if (namespace !== undefined) return `namespace ${code(namespace)}${policy.metadata.namespace ? '' : ' (none written: `default`)'}`;
  const namespaces = expression(policy.spec.namespaceSelector);
  return namespaces && !isAll(policy.spec.namespaceSelector) ? `the namespaces where ${code(namespaces)}` : 'every namespace';
}

/** The endpoints the policy applies to: `pods in namespace \`shop\` where \`app == "web"\``. */
export function appliesToPhrase(policy: CalicoPolicy): string {
  const selector = expression(policy.spec.selector);
  const global = policy.kind === 'GlobalNetworkPolicy';
  const what = global ? 'endpoints (pods, and host endpoints)' : 'pods';
  if (!selector || isAll(policy.spec.selector)) return `every ${global ? 'endpoint' : 'pod'} in ${policyScope(policy)}`;
  return `${what} in ${policyScope(policy)} where ${code(selector)}`;
}

function netsText(list: ListField<Field<string>> | undefined): string {
  return listOr((list?.items ?? []).map((n) => code(n.value)));
}

/** Where a scoped side's endpoints are: its namespaceSelector's namespaces, else the policy's namespace. */
function namespacesOf(entity: EntityRule, policy: CalicoPolicy): string {
  const namespaces = expression(entity.namespaceSelector);
  const namespace = effectiveNamespace(policy);
  if (namespaces === 'global()') return 'that belong to no namespace (global(): global network sets, host endpoints)';
  if (namespaces !== undefined) return isAll(entity.namespaceSelector) ? 'in every namespace' : `in the namespaces where ${code(namespaces)}`;
  return namespace !== undefined ? `in namespace ${code(namespace)}` : 'in any namespace';
}

/**
 * What one side of a rule matches, as a noun phrase, scoped as Calico scopes it:
 * once any selector field is used, only endpoints match, of the policy's namespace
 * unless a namespaceSelector says otherwise (a GlobalNetworkPolicy's notSelector alone stays unscoped).
 */
export function entityPhrase(entity: EntityRule | undefined, policy: CalicoPolicy): string {
  if (!entity) return 'anything';
  const selector = expression(entity.selector);
  const notSelector = expression(entity.notSelector);
  const namespaced = effectiveNamespace(policy) !== undefined;
  const scoped = selector !== undefined || expression(entity.namespaceSelector) !== undefined || (namespaced && notSelector !== undefined);
  let subject = 'anything';
  if (scoped) subject = `${selector && !isAll(entity.selector) ? `endpoints where ${code(selector)}` : 'every endpoint'} ${namespacesOf(entity, policy)}`;
  const parts: string[] = [];
  if (notSelector) parts.push(`${scoped ? 'except those' : 'except endpoints'} where ${code(notSelector)}`);
  if (entity.nets?.items.length) parts.push(`whose address is in ${netsText(entity.nets)}`);
  if (entity.notNets?.items.length) parts.push(`whose address is outside ${netsText(entity.notNets)}`);
  if (entity.serviceAccounts) parts.push('running as the service accounts listed');
  if (entity.services) parts.push(`among the endpoints of Service ${code(entity.services.name?.value ?? '?')}`);
  if (!scoped && parts.length > 0 && !notSelector) subject = 'anything';
  return parts.length === 0 ? subject : `${subject} ${parts.join(', ')}`;
}

function portText(port: CalicoPort): string {
  if (port.kind === 'named') return `named port ${code(port.name ?? '')}`;
  if (port.kind === 'range') return `${port.min}-${port.max}`;
  if (port.kind === 'single') return String(port.min);
  return `${code(String(port.raw.value))} (invalid)`;
}

export function portsPhrase(ports: ListField<CalicoPort> | undefined): string {
  const items = ports?.items ?? [];
  return items.length === 1 ? `port ${portText(items[0]!)}` : `ports ${listOr(items.map(portText))}`;
}

/** `TCP`, `UDP`, `all protocols`, or `every protocol but UDP`. */
function protocolPhrase(rule: CalicoRule): string {
  const name = (field: Field<string | number>): string => interpretProtocol(field.value).name ?? String(field.value);
  if (rule.protocol) return rule.icmp || rule.notICMP ? icmpProtocolPhrase(rule, name(rule.protocol)) : name(rule.protocol);
  if (rule.notProtocol) return `every protocol but ${name(rule.notProtocol)}`;
  return 'any protocol';
}

/** What the rule matches, as one sentence part after its action: `from …, to …, TCP port 80`. */
function ruleMatchPhrase(rule: CalicoRule, policy: CalicoPolicy): string {
  const far = rule.direction === 'ingress' ? rule.source : rule.destination;
  const own = rule.direction === 'ingress' ? rule.destination : rule.source;
  const farWord = rule.direction === 'ingress' ? 'from' : 'to';
  const parts = [`${farWord} ${entityPhrase(far, policy)}`];
  const ports = rule.destination?.ports;
  const notPorts = rule.destination?.notPorts;
  const protocol = protocolPhrase(rule);
  if (ports?.items.length) parts.push(`${protocol === 'any protocol' ? '' : `${protocol} `}${portsPhrase(ports)}`);
  else if (protocol !== 'any protocol') parts.push(protocol);
  if (notPorts?.items.length) parts.push(`except ${portsPhrase(notPorts)}`);
  // entityPhrase leaves ports out, which on this side are the connection's (or the source's) ports, said above.
  const ownText = entityPhrase(own, policy);
  if (ownText !== 'anything') parts.push(`only for the policy's own pods that are ${ownText}`);
  if (rule.http) parts.push('and its HTTP match (application layer policy)');
  return parts.join(', ');
}

const ACTION_VERBS: Readonly<Record<string, string>> = { Allow: 'Allows', Deny: 'Denies', Pass: 'Passes on', Log: 'Logs' };

/** `Denies ingress from …`: the rule in one sentence. */
export function ruleSentence(rule: CalicoRule, policy: CalicoPolicy): string {
  const action = rule.action?.value;
  const verb = (action && ACTION_VERBS[action]) ?? 'Matches';
  return `${verb} ${rule.direction} ${ruleMatchPhrase(rule, policy)}.`;
}
