/** Each rule's action, protocols, IP version and ICMP match, as Calico validates them. */
import type { Finding } from '../../../core/finding';
import { getPair, isMap } from '../../../core/parse/yaml-tree';
import { interpretProtocol } from '../model/protocol';
import type { CalicoRule, Field, IcmpMatch } from '../model/types';
import { perRuleCheck, type Report } from './check';
import { closest } from './did-you-mean';

const ACTIONS = ['Allow', 'Deny', 'Log', 'Pass'];

export const ruleCheck = perRuleCheck('rules', (rule, report) => [...checkAction(rule, report), ...checkProtocols(rule, report), ...checkIcmp(rule, report)]);

export function rulePath(rule: CalicoRule): string {
  return `spec.${rule.direction}[${rule.index}]`;
}

function checkAction(rule: CalicoRule, report: Report): Finding[] {
  const path = rulePath(rule);
  // An `action` of the wrong type (`action: 1`) is the schema check's to report.
  if (!rule.action && isMap(rule.node) && getPair(rule.node, 'action')) return [];
  if (!rule.action) {
    // Point at the rule's first key, not the whole (possibly long) rule.
    const span = isMap(rule.node) && rule.node.items[0] ? rule.node.items[0].key.span : rule.span;
    return [report('calico/missing-action', 'error', 'This rule has no "action": every Calico rule needs one of Allow, Deny, Log or Pass.', span, { path })];
  }
  const action = rule.action.value;
  if (ACTIONS.includes(action)) return [];
  const suggestion = closest(action, ACTIONS);
  const advice = suggestion ? ` Did you mean "${suggestion}"?` : '';
  const message = `Unknown action "${action}": use Allow, Deny, Log or Pass (case sensitive).${advice}`;
  return [report('calico/unknown-action', 'error', message, rule.action.span, { path, value: action, ...(suggestion && { suggestion }) })];
}

function checkProtocols(rule: CalicoRule, report: Report): Finding[] {
  const findings: Finding[] = [];
  for (const [field, value] of [['protocol', rule.protocol], ['notProtocol', rule.notProtocol]] as const) {
    const problem = value ? interpretProtocol(value.value).problem : undefined;
    if (value && problem) findings.push(report('calico/unknown-protocol', 'error', problem, value.span, { path: `${rulePath(rule)}.${field}`, value: value.value }));
  }
  const version = rule.ipVersion;
  if (version && version.value !== 4 && version.value !== 6) {
    findings.push(report('calico/invalid-ip-version', 'error', `"ipVersion" must be 4 or 6, not ${version.value}.`, version.span, { path: `${rulePath(rule)}.ipVersion` }));
  }
  for (const protocol of [rule.protocol, rule.notProtocol]) {
    const mismatch = protocol && version ? icmpVersionMismatch(protocol, version.value) : undefined;
    if (protocol && mismatch) findings.push(report('calico/icmp-ip-version', 'error', mismatch, protocol.span, { path: rulePath(rule) }));
  }
  return findings;
}

function icmpVersionMismatch(protocol: Field<string | number>, version: number): string | undefined {
  const info = interpretProtocol(protocol.value);
  if (info.number === 1 && version !== 4) return `ICMP is the IPv4 protocol, but this rule has "ipVersion: ${version}"; use ICMPv6 for IPv6.`;
  if (info.number === 58 && version !== 6) return `ICMPv6 is the IPv6 protocol, but this rule has "ipVersion: ${version}"; use ICMP for IPv4.`;
  return undefined;
}

function checkIcmp(rule: CalicoRule, report: Report): Finding[] {
  const findings: Finding[] = [];
  const protocol = rule.protocol ? interpretProtocol(rule.protocol.value) : undefined;
  if (rule.icmp && protocol?.number !== 1 && protocol?.number !== 58 && !protocol?.problem) {
    const message = '"icmp" matches need "protocol: ICMP" (or ICMPv6) on the rule; Calico rejects them otherwise.';
    findings.push(report('calico/icmp-without-protocol', 'error', message, rule.icmp.keySpan, { path: `${rulePath(rule)}.icmp` }));
  }
  for (const [field, icmp] of [['icmp', rule.icmp], ['notICMP', rule.notICMP]] as const) {
    if (icmp) findings.push(...checkIcmpFields(icmp, `${rulePath(rule)}.${field}`, report));
  }
  return findings;
}

function checkIcmpFields(icmp: IcmpMatch, path: string, report: Report): Finding[] {
  const findings: Finding[] = [];
  if (icmp.type && (icmp.type.value < 0 || icmp.type.value > 254)) {
    findings.push(report('calico/invalid-icmp', 'error', `ICMP type ${icmp.type.value} is out of range: use 0 to 254.`, icmp.type.span, { path }));
  }
  if (icmp.code && (icmp.code.value < 0 || icmp.code.value > 255)) {
    findings.push(report('calico/invalid-icmp', 'error', `ICMP code ${icmp.code.value} is out of range: use 0 to 255.`, icmp.code.span, { path }));
  }
  if (icmp.code && !icmp.type) {
    findings.push(report('calico/icmp-code-without-type', 'error', 'An ICMP "code" needs a "type" as well (a limit of the kernel\'s firewall).', icmp.code.keySpan ?? icmp.code.span, { path }));
  }
  return findings;
}
