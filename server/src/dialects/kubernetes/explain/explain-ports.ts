/**
 * Hovers on `ports`, one port entry, and its `protocol` / `port` / `endPort`:
 * the TCP default, ranges, named ports, and what Kubernetes accepts.
 */
import type { YNode } from '../../../core/parse/yaml-tree';
import type { PolicyRule, PortSpec } from '../../../model/types';
import { effectiveProtocol } from '../policy-defaults';
import { code, eitherOr, formatInteger, paragraphs } from '../../../analysis/explain/markdown';
import { portPhrase } from './traffic-words';
import type { PortFocus } from './target';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
/** A container port name (IANA_SVC_NAME): lowercase letters, digits and single inner `-`, 15 at most. */
const PORT_NAME = /^[a-z0-9](?:-?[a-z0-9])*$/;

export function explainPorts(rule: PolicyRule): string {
  const ports = rule.ports?.items ?? [];
  const title = '**`ports`**: the destination ports this rule allows.';
  if (ports.length === 0) return paragraphs([title, 'An empty `ports` list is the same as no `ports`: every port of every protocol.']);
  const what = `Traffic must use ${eitherOr(ports.map(portPhrase))}.`;
  const where = rule.direction === 'ingress' ? 'the port on the selected pods' : 'the port on the destination';
  return paragraphs([title, what, `These are destination ports (${where}). They apply together with the rule's \`${rule.direction === 'ingress' ? 'from' : 'to'}\` list (AND). An entry without \`protocol\` means TCP.`]);
}

export function explainPort(rule: PolicyRule, port: PortSpec, focus: PortFocus, raw: YNode | null): string {
  switch (focus) {
    case 'entry':
      return explainEntry(rule, port);
    case 'protocol':
      return explainProtocol(port);
    case 'port':
      return explainPortValue(rule, port, raw);
    case 'endPort':
      return explainEndPort(port, raw);
  }
}

function explainEntry(rule: PolicyRule, port: PortSpec): string {
  const ports = rule.ports?.items ?? [];
  const title = `**\`ports\` item ${ports.indexOf(port) + 1} of ${ports.length}**: allows ${portPhrase(port)}.`;
  return paragraphs([
    title,
    port.protocol === undefined && 'No `protocol` is given, so it is TCP (the default).',
    port.port === undefined && `No \`port\` is given, so every ${effectiveProtocol(port)} port matches.`,
    typeof port.port?.value === 'string' && namedPortNote(rule, port.port.value),
    ports.length > 1 && 'The entries of `ports` are alternatives (OR): traffic on any one of them is allowed.',
  ]);
}

function explainProtocol(port: PortSpec): string {
  const value = port.protocol?.value;
  if (value === undefined || !PROTOCOLS.includes(value)) {
    const near = PROTOCOLS.find((p) => p === value?.toUpperCase());
    const icmp = value?.toUpperCase() === 'ICMP' ? ' NetworkPolicy cannot filter ICMP (ping) at all.' : '';
    return `**${code(value ?? '(empty)')} is not a valid protocol.** Write exactly \`TCP\`, \`UDP\` or \`SCTP\` (upper case); the API server rejects anything else.${near ? ` You probably mean ${code(near)}.` : ''}${icmp}`;
  }
  const extra = value === 'TCP' ? ' TCP is also the default when `protocol` is left out.' : value === 'SCTP' ? ' SCTP needs a network plugin that supports it.' : '';
  return `**\`protocol: ${value}\`**: this entry matches ${value} traffic only.${extra} Kubernetes knows \`TCP\`, \`UDP\` and \`SCTP\`.`;
}

function protocolNote(port: PortSpec): string {
  return port.protocol === undefined ? 'TCP, the default because `protocol` is left out' : effectiveProtocol(port);
}

function explainPortValue(rule: PolicyRule, port: PortSpec, raw: YNode | null): string {
  const value = port.port?.value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 65535) return `**${code(String(value))} is not a valid port.** Use a number from 1 to 65535, or the name of a container port.`;
    const range = port.endPort !== undefined ? `, the first of the range ${value}–${port.endPort.value} (see \`endPort\`)` : '';
    return `**\`port: ${value}\`**: destination port ${value}${range}, over ${protocolNote(port)}.`;
  }
  if (typeof value === 'string') {
    if (/^\d+$/.test(value)) return `**${code(rawText(raw) ?? value)} is quoted**, so Kubernetes reads it as a port *name*, and a name needs a letter: the API server rejects it. Write \`port: ${value}\` without quotes.`;
    if (!PORT_NAME.test(value) || value.length > 15 || !/[a-z]/.test(value)) {
      return `**${code(value)} is not a valid port name.** A named port is at most 15 characters of lowercase letters, digits and \`-\`, with at least one letter (the \`name\` of a container port). Or use a number from 1 to 65535.`;
    }
    return paragraphs([`**\`port: ${value}\`** is a named port, over ${protocolNote(port)}.`, namedPortNote(rule, value)]);
  }
  return '**`port`** expects a port number (1 to 65535) or the name of a container port. Leave it out to allow every port of the protocol.';
}

function namedPortNote(rule: PolicyRule, name: string): string {
  const lookup =
    rule.direction === 'ingress'
      ? 'For ingress, the name is looked up on the selected pods.'
      : 'For egress, it is looked up on the destination pods, so it cannot match destinations outside the cluster (`ipBlock` peers).';
  return `${code(name)} matches whichever container port is named ${code(name)} (\`containers[].ports[].name\`) on each destination pod, so the number can differ from pod to pod. ${lookup}`;
}

function explainEndPort(port: PortSpec, raw: YNode | null): string {
  const end = port.endPort?.value;
  const start = port.port?.value;
  if (end === undefined) return `**\`endPort\`** expects a port number (1 to 65535)${raw ? `, not ${code(rawText(raw) ?? '')}` : ''}: the last port of a range that starts at \`port\`.`;
  if (start === undefined) return `**Invalid:** \`endPort\` needs a \`port\` (the first port of the range); the API server rejects it alone.`;
  if (typeof start === 'string') return `**Invalid:** \`endPort\` needs a numeric \`port\`; a range cannot start at the named port ${code(start)}.`;
  if (!Number.isInteger(end) || end > 65535 || end < start) return `**Invalid:** \`endPort\` (${end}) must be a port number from \`port\` (${start}) up to 65535.`;
  return paragraphs([
    `**\`endPort: ${end}\`**: together with \`port: ${start}\`, this entry allows ${effectiveProtocol(port)} ports ${start} through ${end} (${formatInteger(end - start + 1)} ports, both ends included).`,
    'A network plugin without `endPort` support applies the entry to `port` alone.',
  ]);
}

function rawText(node: YNode | null): string | undefined {
  return node && (node.kind === 'scalar' || node.kind === 'alias') ? node.source : undefined;
}
