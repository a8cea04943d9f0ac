/** The CIDR arithmetic behind ipBlock hovers: parsing, ranges, counts, IPv6 text. */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addressCount, formatAddress, formatCount, parseCidr, unionCount, type Cidr } from '../../server/src/analysis/explain/cidr';

function cidr(text: string): Cidr {
  const result = parseCidr(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.cidr;
}

function range(text: string): string {
  const c = cidr(text);
  return `${formatAddress(c.first, c.family)} - ${formatAddress(c.last, c.family)} (${formatCount(addressCount(c))})`;
}

describe('parseCidr', () => {
  test('IPv4 ranges and counts', () => {
    assert.equal(range('172.17.0.0/16'), '172.17.0.0 - 172.17.255.255 (65,536)');
    assert.equal(range('10.0.0.0/8'), '10.0.0.0 - 10.255.255.255 (16,777,216)');
    assert.equal(range('192.168.1.10/32'), '192.168.1.10 - 192.168.1.10 (1)');
    assert.equal(range('0.0.0.0/0'), '0.0.0.0 - 255.255.255.255 (4,294,967,296)');
  });

  test('host bits past the prefix are masked off and reported', () => {
    const c = cidr('10.0.0.1/8');
    assert.equal(c.hostBitsSet, true);
    assert.equal(formatAddress(c.first, 4), '10.0.0.0');
    assert.equal(cidr('10.0.0.0/8').hostBitsSet, false);
  });

  test('IPv6 ranges in RFC 5952 text, large counts as powers of two', () => {
    assert.equal(range('2001:db8::/32'), '2001:db8:: - 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff (2^96)');
    assert.equal(range('2001:DB8:0:0:0:0:0:0/64'), '2001:db8:: - 2001:db8::ffff:ffff:ffff:ffff (2^64)');
    assert.equal(range('::/0'), ':: - ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff (2^128)');
    assert.equal(range('::1/128'), '::1 - ::1 (1)');
    assert.equal(range('fe80::/112'), 'fe80:: - fe80::ffff (65,536)');
    assert.equal(range('2001:db8::/96'), '2001:db8:: - 2001:db8::ffff:ffff (4,294,967,296)');
    assert.equal(range('2001:db8::/95'), '2001:db8:: - 2001:db8::1:ffff:ffff (2^33)');
  });

  test('only the longest run of zero groups is shortened, and a single zero group is not', () => {
    assert.equal(formatAddress(cidr('2001:0:0:1:0:0:0:1/128').first, 6), '2001:0:0:1::1');
    assert.equal(formatAddress(cidr('2001:db8:0:1:1:1:1:1/128').first, 6), '2001:db8:0:1:1:1:1:1');
  });

  test('an embedded IPv4 tail counts as the last two groups', () => {
    assert.equal(formatAddress(cidr('::ffff:10.0.0.1/128').first, 6), '::ffff:a00:1');
  });

  test('invalid text says why', () => {
    const reasons = ['10.0.0.0', '10.0.0.300/8', '10.0.0.0/33', '1::2::3/64', '2001:db8::/129', 'abc/8', '10.0.0.0/-1', '1:2:3:4:5:6:7:8:9/64'].map((text) => {
      const result = parseCidr(text);
      return result.ok ? `${text}: ok` : `${text}: ${result.reason}`;
    });
    assert.deepEqual(reasons, [
      '10.0.0.0: it has no prefix length (the `/n` part)',
      '10.0.0.300/8: 10.0.0.300 is not an IPv4 address',
      '10.0.0.0/33: the prefix length must be a number from 0 to 32 for IPv4',
      '1::2::3/64: 1::2::3 is not an IPv6 address',
      '2001:db8::/129: the prefix length must be a number from 0 to 128 for IPv6',
      'abc/8: abc is not an IPv4 address',
      '10.0.0.0/-1: the prefix length must be a number from 0 to 32 for IPv4',
      '1:2:3:4:5:6:7:8:9/64: 1:2:3:4:5:6:7:8:9 is not an IPv6 address',
    ]);
  });
});

describe('unionCount', () => {
  test('nested blocks count once, disjoint ones add up', () => {
    assert.equal(unionCount([cidr('10.1.0.0/16'), cidr('10.1.2.0/24'), cidr('10.2.0.0/24')]), 65_536n + 256n);
    assert.equal(unionCount([cidr('10.1.2.0/24'), cidr('10.1.0.0/16')]), 65_536n);
    assert.equal(unionCount([]), 0n);
  });
});
