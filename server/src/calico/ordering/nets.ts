/** Containment and overlap of networks, as the ordering checks compare `nets` and `notNets`. */
import type { ParsedNet } from '../model/cidr';

/** The first `bits` bits of two addresses are equal. */
function samePrefix(a: readonly number[], b: readonly number[], bits: number): boolean {
  for (let i = 0; i * 8 < bits; i++) {
    const take = Math.min(8, bits - i * 8);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((a[i] ?? 0) & mask) !== ((b[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** Every address of `inner` is in `outer`. */
export function netContains(outer: ParsedNet, inner: ParsedNet): boolean {
  return outer.version === inner.version && outer.prefix <= inner.prefix && samePrefix(outer.bytes, inner.bytes, outer.prefix);
}

/** No address is in both. */
export function netsDisjoint(a: ParsedNet, b: ParsedNet): boolean {
  return a.version !== b.version || !samePrefix(a.bytes, b.bytes, Math.min(a.prefix, b.prefix));
}
