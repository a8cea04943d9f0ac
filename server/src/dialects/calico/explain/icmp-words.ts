/**
 * ICMP and ICMPv6 matches in words: the messages people know by name (ping,
 * unreachable, time exceeded, IPv6 neighbour discovery) get their name, every
 * other type and code is said by number: `ping requests: ICMP type 8, code 0`.
 */
import { interpretProtocol } from '../model/protocol';
import type { CalicoRule, IcmpMatch } from '../model/types';

type IcmpFamily = 'ICMP' | 'ICMPv6';

const ICMP_TYPES: Readonly<Record<number, string>> = {
  0: 'ping replies',
  3: 'destination unreachable messages',
  8: 'ping requests',
  11: 'time exceeded messages',
};

const ICMPV6_TYPES: Readonly<Record<number, string>> = {
  1: 'destination unreachable messages',
  3: 'time exceeded messages',
  128: 'ping requests',
  129: 'ping replies',
  133: 'router solicitations',
  134: 'router advertisements',
  135: 'neighbour solicitations',
  136: 'neighbour advertisements',
  137: 'redirect messages',
};

/** `ICMP`, `ICMPv6`, or `ICMP or ICMPv6` when the rule names neither (Calico then rejects the match, the checks say so). */
function familyOf(rule: CalicoRule): IcmpFamily | undefined {
  const number = rule.protocol ? interpretProtocol(rule.protocol.value).number : undefined;
  return number === 1 ? 'ICMP' : number === 58 ? 'ICMPv6' : undefined;
}

/** A match's type by name (when it has a well-known one) and in numbers: `ping requests`, `ICMP type 8, code 0`. */
function icmpParts(rule: CalicoRule, match: IcmpMatch): { readonly name?: string; readonly numbers: string } {
  const family = familyOf(rule);
  const protocol = family ?? 'ICMP or ICMPv6';
  const type = match.type?.value;
  if (type === undefined) return { numbers: `every ${protocol} message` };
  const numbers = `${protocol} type ${type}${match.code ? `, code ${match.code.value}` : ''}`;
  const name = family === undefined ? undefined : (family === 'ICMP' ? ICMP_TYPES : ICMPV6_TYPES)[type];
  return name ? { name, numbers } : { numbers };
}

/** `ping requests: ICMP type 8, code 0`, `ICMP type 42`, `every ICMP message`. */
function icmpMatchPhrase(rule: CalicoRule, match: IcmpMatch): string {
  const { name, numbers } = icmpParts(rule, match);
  return name ? `${name}: ${numbers}` : numbers;
}

/** Inside a sentence: `ping requests (ICMP type 8, code 0)`, `ICMP except ping replies (ICMP type 0)`. */
export function icmpProtocolPhrase(rule: CalicoRule, protocol: string): string {
  const inSentence = (match: IcmpMatch): string => {
    const { name, numbers } = icmpParts(rule, match);
    return name ? `${name} (${numbers})` : numbers;
  };
  const matched = rule.icmp ? inSentence(rule.icmp) : protocol;
  return rule.notICMP ? `${matched} except ${inSentence(rule.notICMP)}` : matched;
}

const VERBS: Readonly<Record<string, string>> = { Allow: 'allows', Deny: 'denies', Pass: 'passes on', Log: 'logs' };

/** The hover of `icmp` and `notICMP`: `**\`icmp\`**: allows ping requests: ICMP type 8, code 0.` */
export function explainCalicoIcmp(rule: CalicoRule, field: 'icmp' | 'notICMP'): string {
  const match = rule[field];
  const verb = VERBS[rule.action?.value ?? ''] ?? 'matches';
  const family = familyOf(rule) ?? 'ICMP';
  const what = match ? icmpMatchPhrase(rule, match) : `every ${family} message`;
  const lead = field === 'icmp' ? `**\`icmp\`**: the rule ${verb} ${what}.` : `**\`notICMP\`**: the rule ${verb} every ${family} message except ${what}.`;
  const rest = 'Without `code` every code of the type matches; the rule needs `protocol: ICMP` (IPv4) or `ICMPv6` (IPv6).';
  const type = match?.type?.value;
  const discovery = familyOf(rule) === 'ICMPv6' && type !== undefined && type >= 133 && type <= 137;
  const note = discovery ? 'Types 133-137 are neighbour discovery, which IPv6 needs to find neighbours and routers: a pod that cannot exchange them has no IPv6.' : undefined;
  return [lead, rest, note].filter((p) => p !== undefined).join('\n\n');
}
