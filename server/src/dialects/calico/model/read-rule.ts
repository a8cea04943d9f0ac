/** YAML -> CalicoRule and EntityRule (`source` / `destination`), every field with its span. */
import { getPair, isMap, isScalar, type YMap, type YNode } from '../../../core/parse/yaml-tree';
import { listField, mapField, scalarText, stringField } from '../../../model/read-fields';
import type { Field } from '../../../model/types';
import { readCalicoPort } from './ports';
import { readCalicoSelector } from './read-selector';
import type { CalicoRule, EntityRule, IcmpMatch, RuleDirection, ServiceAccountMatch, ServiceMatch } from './types';

/** A rule written as `- {}` or `-` (null) is an empty rule, which the action check reports. */
export function readCalicoRule(node: YNode, index: number, direction: RuleDirection): CalicoRule | undefined {
  if (!isMap(node) && !(isScalar(node) && node.value === null)) return undefined;
  const map = isMap(node) ? node : undefined;
  const action = stringField(map, 'action');
  const protocol = numberOrString(map, 'protocol');
  const notProtocol = numberOrString(map, 'notProtocol');
  const ipVersion = numberField(map, 'ipVersion');
  const icmp = readIcmp(map, 'icmp');
  const notICMP = readIcmp(map, 'notICMP');
  const source = readEntityRule(map, 'source');
  const destination = readEntityRule(map, 'destination');
  const httpPair = map ? getPair(map, 'http') : undefined;
  const http = httpPair ? { span: httpPair.value?.span ?? httpPair.key.span, keySpan: httpPair.key.span } : undefined;
  return {
    direction,
    index,
    span: node.span,
    node,
    ...(action && { action }),
    ...(protocol && { protocol }),
    ...(notProtocol && { notProtocol }),
    ...(ipVersion && { ipVersion }),
    ...(icmp && { icmp }),
    ...(notICMP && { notICMP }),
    ...(source && { source }),
    ...(destination && { destination }),
    ...(http && { http }),
  };
}

function readEntityRule(rule: YMap | undefined, key: 'source' | 'destination'): EntityRule | undefined {
  const found = mapField(rule, key);
  if (!found) return undefined;
  const map = found.map;
  const selector = readCalicoSelector(map, 'selector', 'entity-selector');
  const notSelector = readCalicoSelector(map, 'notSelector', 'entity-not-selector');
  const namespaceSelector = readCalicoSelector(map, 'namespaceSelector', 'entity-namespace-selector');
  const nets = listField(map, 'nets', (item) => scalarText(item));
  const notNets = listField(map, 'notNets', (item) => scalarText(item));
  const ports = listField(map, 'ports', readCalicoPort);
  const notPorts = listField(map, 'notPorts', readCalicoPort);
  const serviceAccounts = readServiceAccounts(map);
  const services = readServices(map);
  return {
    span: map.span,
    keySpan: found.pair.key.span,
    node: map,
    ...(selector && { selector }),
    ...(notSelector && { notSelector }),
    ...(namespaceSelector && { namespaceSelector }),
    ...(nets && { nets }),
    ...(notNets && { notNets }),
    ...(ports && { ports }),
    ...(notPorts && { notPorts }),
    ...(serviceAccounts && { serviceAccounts }),
    ...(services && { services }),
  };
}

function readServiceAccounts(entity: YMap): ServiceAccountMatch | undefined {
  const found = mapField(entity, 'serviceAccounts');
  if (!found) return undefined;
  const names = listField(found.map, 'names', (item) => scalarText(item));
  const selector = readCalicoSelector(found.map, 'selector', 'service-account-selector');
  return { span: found.map.span, keySpan: found.pair.key.span, ...(names && { names }), ...(selector && { selector }) };
}

function readServices(entity: YMap): ServiceMatch | undefined {
  const found = mapField(entity, 'services');
  if (!found) return undefined;
  const name = stringField(found.map, 'name');
  const namespace = stringField(found.map, 'namespace');
  return { span: found.map.span, keySpan: found.pair.key.span, ...(name && { name }), ...(namespace && { namespace }) };
}

function readIcmp(rule: YMap | undefined, key: 'icmp' | 'notICMP'): IcmpMatch | undefined {
  const found = mapField(rule, key);
  if (!found) return undefined;
  const type = numberField(found.map, 'type');
  const code = numberField(found.map, 'code');
  return { span: found.map.span, keySpan: found.pair.key.span, ...(type && { type }), ...(code && { code }) };
}

/** A YAML number; anything else is absent here and reported by the schema check. */
export function numberField(map: YMap | undefined, key: string): Field<number> | undefined {
  const pair = map ? getPair(map, key) : undefined;
  if (!pair || !isScalar(pair.value) || typeof pair.value.value !== 'number') return undefined;
  return { value: pair.value.value, span: pair.value.span, keySpan: pair.key.span };
}

/** Protocols are int-or-string: `6`, `"6"` and `TCP` are all protocols. */
function numberOrString(map: YMap | undefined, key: string): Field<string | number> | undefined {
  const pair = map ? getPair(map, key) : undefined;
  if (!pair || !isScalar(pair.value)) return undefined;
  const value = pair.value.value;
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  return { value, span: pair.value.span, keySpan: pair.key.span };
}
