/**
 * The one address and CIDR parser (server/src/analysis/net), data-driven: each row
 * is a text and what each reader's options make of it. The readers are the ones
 * the project has: Go's strict net.ParseCIDR (the default: reachability), the API
 * server's ParseCIDRSloppy (the ipBlock validators) and Calico's `nets`.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { addressCount, cidrContains, cidrContainsAddress, cidrOrUndefined, cidrsDisjoint, formatCidr, isStrictSubset, parseCidr, type CidrOptions } from '../../server/src/core/net/cidr';
import { formatIpAddress, parseIpAddress, type IpFamily } from '../../server/src/core/net/ip-address';

const GO: CidrOptions = {};
const SLOPPY: CidrOptions = { ipv4LeadingZeros: true, longPrefix: true };
const CALICO: CidrOptions = { prefixOptional: true };

/** `canonical [flags]` for an address, or `-` when it does not parse. */
function address(text: string, sloppy: boolean): string {
  const ip = parseIpAddress(text, { ipv4LeadingZeros: sloppy });
  if (!ip) return '-';
  const flags = [ip.leadingZeros && 'leading-zeros', ip.ipv4Mapped && 'mapped'].filter(Boolean);
  return [`v${ip.family} ${formatIpAddress(ip.family, ip.value)}`, ...flags].join(' ');
}

/** `network/prefix [flags]`, or `✗ problem`. */
function cidr(text: string, options: CidrOptions): string {
  const result = parseCidr(text, options);
  if (!result.ok) return `✗ ${result.problem}`;
  const c = result.cidr;
  const flags = [c.hostBitsSet && 'host-bits', c.leadingZeros && 'leading-zeros', c.prefixLeadingZeros && 'prefix-zeros', c.ipv4Mapped && 'mapped'].filter(Boolean);
  return [formatCidr(c), ...flags].join(' ');
}

describe('addresses', () => {
  // [text, strict (Go, Calico), sloppy (Kubernetes)]
  const rows: [string, string, string][] = [
    ['0.0.0.0', 'v4 0.0.0.0', 'v4 0.0.0.0'],
    ['255.255.255.255', 'v4 255.255.255.255', 'v4 255.255.255.255'],
    ['10.1.2.3', 'v4 10.1.2.3', 'v4 10.1.2.3'],
    ['010.1.2.3', '-', 'v4 10.1.2.3 leading-zeros'],
    ['10.1.2.00', '-', 'v4 10.1.2.0 leading-zeros'],
    ['0001.2.3.4', '-', '-'],
    ['256.0.0.0', '-', '-'],
    ['1.2.3', '-', '-'],
    ['1.2.3.4.5', '-', '-'],
    ['1.2.3.-4', '-', '-'],
    [' 1.2.3.4', '-', '-'],
    ['', '-', '-'],
    ['::', 'v6 ::', 'v6 ::'],
    ['::1', 'v6 ::1', 'v6 ::1'],
    ['1::', 'v6 1::', 'v6 1::'],
    ['2001:DB8:0:0:0:0:0:1', 'v6 2001:db8::1', 'v6 2001:db8::1'],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', 'v6 2001:db8::ff00:42:8329', 'v6 2001:db8::ff00:42:8329'],
    ['1:2:3:4:5:6:7:8', 'v6 1:2:3:4:5:6:7:8', 'v6 1:2:3:4:5:6:7:8'],
    ['::ffff:10.0.0.1', 'v6 ::ffff:a00:1 mapped', 'v6 ::ffff:a00:1 mapped'],
    ['::ffff:010.0.0.1', '-', 'v6 ::ffff:a00:1 leading-zeros mapped'],
    ['::1.2.3.4', 'v6 ::102:304', 'v6 ::102:304'],
    ['1:2:3:4:5:6:1.2.3.4', 'v6 1:2:3:4:5:6:102:304', 'v6 1:2:3:4:5:6:102:304'],
    // The dotted IPv4 part may only be the last 32 bits, as in Go's parser.
    ['1.2.3.4::', '-', '-'],
    ['1:1.2.3.4::5', '-', '-'],
    ['1:2:3:4:5:6:7:1.2.3.4', '-', '-'],
    ['::1.2.3', '-', '-'],
    ['::1.2.3.256', '-', '-'],
    // `::` stands for at least one zero group; at most one `::`; eight groups without it.
    ['1:2:3:4:5:6:7::8', '-', '-'],
    ['1::2::3', '-', '-'],
    [':::', '-', '-'],
    ['1:2:3:4:5:6:7', '-', '-'],
    ['1:2:3:4:5:6:7:8:9', '-', '-'],
    [':1::', '-', '-'],
    ['1::2:', '-', '-'],
    ['12345::', '-', '-'],
    ['g::1', '-', '-'],
    // Zone ids are never part of an address here.
    ['fe80::1%eth0', '-', '-'],
  ];
  for (const [text, strict, sloppy] of rows) {
    test(`${JSON.stringify(text)}`, () => {
      assert.equal(address(text, false), strict, 'strict');
      assert.equal(address(text, true), sloppy, 'sloppy');
    });
  }
});

describe('CIDRs under each reader', () => {
  // [text, Go (reachability), Kubernetes (validators), Calico nets]
  const rows: [string, string, string, string][] = [
    ['10.0.0.0/8', '10.0.0.0/8', '10.0.0.0/8', '10.0.0.0/8'],
    ['10.0.0.1/8', '10.0.0.0/8 host-bits', '10.0.0.0/8 host-bits', '10.0.0.0/8 host-bits'],
    ['0.0.0.0/0', '0.0.0.0/0', '0.0.0.0/0', '0.0.0.0/0'],
    ['10.0.0.1', '✗ no-prefix', '✗ no-prefix', '10.0.0.1/32'],
    ['2001:db8::1', '✗ no-prefix', '✗ no-prefix', '2001:db8::1/128'],
    ['10.0.0.0/08', '10.0.0.0/8 prefix-zeros', '10.0.0.0/8 prefix-zeros', '10.0.0.0/8 prefix-zeros'],
    ['10.0.0.0/0008', '✗ prefix', '10.0.0.0/8 prefix-zeros', '✗ prefix'],
    ['010.0.0.0/8', '✗ address', '10.0.0.0/8 leading-zeros', '✗ address'],
    ['10.0.0.0/33', '✗ prefix', '✗ prefix', '✗ prefix'],
    ['10.0.0.0/', '✗ prefix', '✗ prefix', '✗ prefix'],
    ['10.0.0.0/-1', '✗ prefix', '✗ prefix', '✗ prefix'],
    ['10.0.0.0/8/8', '✗ prefix', '✗ prefix', '✗ prefix'],
    ['10.0.0/8', '✗ address', '✗ address', '✗ address'],
    ['/8', '✗ address', '✗ address', '✗ address'],
    ['::/0', '::/0', '::/0', '::/0'],
    ['2001:DB8::/32', '2001:db8::/32', '2001:db8::/32', '2001:db8::/32'],
    ['2001:db8::1/64', '2001:db8::/64 host-bits', '2001:db8::/64 host-bits', '2001:db8::/64 host-bits'],
    ['2001:db8::/128', '2001:db8::/128', '2001:db8::/128', '2001:db8::/128'],
    ['2001:db8::/129', '✗ prefix', '✗ prefix', '✗ prefix'],
    ['::ffff:10.0.0.0/104', '::ffff:a00:0/104 mapped', '::ffff:a00:0/104 mapped', '::ffff:a00:0/104 mapped'],
    ['fe80::1%eth0/64', '✗ address', '✗ address', '✗ address'],
    ['1.2.3.4::/64', '✗ address', '✗ address', '✗ address'],
  ];
  for (const [text, go, sloppy, calico] of rows) {
    test(`${JSON.stringify(text)}`, () => {
      assert.equal(cidr(text, GO), go, 'Go');
      assert.equal(cidr(text, SLOPPY), sloppy, 'Kubernetes');
      assert.equal(cidr(text, CALICO), calico, 'Calico');
    });
  }

  test('a failure names the family the text claims and its address part', () => {
    assert.deepEqual(parseCidr('1::2::3/64'), { ok: false, problem: 'address', family: 6, addressText: '1::2::3' });
    assert.deepEqual(parseCidr('abc/8'), { ok: false, problem: 'address', family: 4, addressText: 'abc' });
  });
});

describe('CIDR arithmetic', () => {
  const c = (text: string) => cidrOrUndefined(text)!;

  test('ranges, counts, containment and overlap', () => {
    assert.deepEqual([c('10.1.2.3/8').first, c('10.1.2.3/8').last], [0x0a000000n, 0x0affffffn]);
    assert.equal(addressCount(c('::/0')), 1n << 128n);
    assert.equal(addressCount(c('192.168.1.10/32')), 1n);
    assert.equal(cidrContains(c('10.0.0.0/8'), c('10.1.0.0/16')), true);
    assert.equal(cidrContains(c('10.1.0.0/16'), c('10.0.0.0/8')), false);
    assert.equal(cidrContains(c('0.0.0.0/0'), c('::/0')), false);
    assert.equal(isStrictSubset(c('10.0.0.0/8'), c('10.0.0.0/8')), false);
    assert.equal(isStrictSubset(c('10.0.0.0/8'), c('10.0.0.0/9')), true);
    assert.equal(cidrsDisjoint(c('10.0.0.0/8'), c('11.0.0.0/8')), true);
    assert.equal(cidrsDisjoint(c('10.0.0.0/8'), c('10.255.0.0/16')), false);
    assert.equal(cidrsDisjoint(c('0.0.0.0/0'), c('::/0')), true);
    assert.equal(cidrContainsAddress(c('fd00::/8'), parseIpAddress('fd00:ec2::254')!), true);
    assert.equal(cidrContainsAddress(c('fd00::/8'), parseIpAddress('fe00::1')!), false);
  });

  test('RFC 5952: the longest run of two or more zero groups, the first on ties', () => {
    const format = (text: string) => formatIpAddress(6, parseIpAddress(text)!.value);
    assert.equal(format('2001:db8:0:0:1:0:0:1'), '2001:db8::1:0:0:1');
    assert.equal(format('2001:0:0:1:0:0:0:1'), '2001:0:0:1::1');
    assert.equal(format('1:0:1:1:1:1:1:1'), '1:0:1:1:1:1:1:1');
    assert.equal(format('0:0:1:0:0:1:0:0'), '::1:0:0:1:0:0');
  });

  test('property: printing and parsing an address gives it back, in both families', () => {
    const value = (family: IpFamily) => fc.bigInt({ min: 0n, max: (1n << BigInt(family === 4 ? 32 : 128)) - 1n }).map((v) => ({ family, value: v }));
    // Zero groups make the `::` cases; the mask keeps some runs of them.
    const sparse = fc.tuple(value(6), value(6)).map(([a, m]) => ({ family: 6 as const, value: a.value & m.value & m.value >> 7n }));
    fc.assert(
      fc.property(fc.oneof(value(4), value(6), sparse), ({ family, value: v }) => {
        const text = formatIpAddress(family, v);
        const parsed = parseIpAddress(text);
        assert.deepEqual(parsed && [parsed.family, parsed.value], [family, v], text);
      }),
      { seed: 5, numRuns: 2000 },
    );
  });
});
