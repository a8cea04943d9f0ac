/**
 * The value rules behind the diagnostics, checked against cases taken from the
 * apimachinery and netutils behaviour they restate.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatIp, isStrictSubset, parseCidr, parseIp } from '../../server/src/dialects/kubernetes/checks/validators/cidr';
import { dnsLabelProblems, dnsSubdomainProblems, labelValueProblems, portNameProblems, qualifiedNameProblems } from '../../server/src/dialects/kubernetes/checks/validators/names';
import { suggestField } from '../../server/src/dialects/kubernetes/schema/did-you-mean';
import { LABEL_SELECTOR } from '../../server/src/dialects/kubernetes/schema/network-policy-schema';

describe('CIDRs', () => {
  test('valid IPv4 and IPv6 networks parse to their canonical form', () => {
    const cases: [string, string][] = [
      ['10.0.0.0/8', '10.0.0.0/8'],
      ['0.0.0.0/0', '0.0.0.0/0'],
      ['::/0', '::/0'],
      ['2001:DB8:0:0:0:0:0:0/64', '2001:db8::/64'],
      ['2001:db8:0:0:1:0:0:1/128', '2001:db8::1:0:0:1/128'],
      ['fe80::1:0:0:0/64', 'fe80::/64'],
      ['2001:db8::192.0.2.0/120', '2001:db8::c000:200/120'],
      ['10.0.0.1/24', '10.0.0.0/24'],
    ];
    for (const [text, canonical] of cases) assert.equal(parseCidr(text)?.canonical, canonical, text);
  });

  test('malformed CIDRs do not parse', () => {
    for (const text of ['10.0.0.0', '10.0.0.0/33', '10.0.0/8', '256.0.0.0/8', '1.2.3.4.5/32', '2001:db8:::/64', '2001:db8::/129', '::1::/64', 'fe80::1%eth0/64', '10.0.0.0/-1', '10.0.0.0/', 'x/8', '2001:db8::12345/64', '1:2:3:4:5:6:7:8:9/64']) {
      assert.equal(parseCidr(text), undefined, text);
    }
  });

  test('host bits and non-standard spellings are flagged, as the API server warns', () => {
    assert.equal(parseCidr('10.0.0.1/24')?.hostBitsSet, true);
    assert.equal(parseCidr('10.0.0.0/24')?.hostBitsSet, false);
    assert.match(parseCidr('010.0.0.0/8')?.nonStandard ?? '', /leading zeros/);
    assert.match(parseCidr('10.0.0.0/08')?.nonStandard ?? '', /leading zeros/);
    assert.match(parseCidr('::ffff:10.0.0.0/104')?.nonStandard ?? '', /IPv4-mapped/);
  });

  test('except must be a strict subset of the same family', () => {
    const outer = parseCidr('10.0.0.0/8')!;
    assert.equal(isStrictSubset(outer, parseCidr('10.1.0.0/16')!), true);
    assert.equal(isStrictSubset(outer, parseCidr('10.0.0.0/8')!), false);
    assert.equal(isStrictSubset(outer, parseCidr('11.0.0.0/16')!), false);
    assert.equal(isStrictSubset(outer, parseCidr('::/8')!), false);
    assert.equal(isStrictSubset(parseCidr('::/0')!, parseCidr('fd00:ec2::254/128')!), true);
  });

  test('IPv6 text is written the RFC 5952 way', () => {
    assert.equal(formatIp(parseIp('2001:0db8:0000:0000:0000:ff00:0042:8329')!.bytes), '2001:db8::ff00:42:8329');
    assert.equal(formatIp(parseIp('2001:db8:0:1:0:0:0:1')!.bytes), '2001:db8:0:1::1');
    assert.equal(formatIp(parseIp('2001:db8:0:0:1:0:0:1')!.bytes), '2001:db8::1:0:0:1');
    assert.equal(formatIp(parseIp('2001:db8:0:1:1:1:1:1')!.bytes), '2001:db8:0:1:1:1:1:1');
  });
});

describe('names and labels', () => {
  test('DNS labels and subdomains', () => {
    for (const ok of ['a', 'shop', 'shop-1', '0abc', 'a'.repeat(63)]) assert.deepEqual(dnsLabelProblems(ok), [], ok);
    for (const bad of ['', 'Shop', 'shop.prod', '-a', 'a-', 'a_b', 'a'.repeat(64)]) assert.notDeepEqual(dnsLabelProblems(bad), [], bad);
    for (const ok of ['a.b', 'web-api.v1', `${'a'.repeat(63)}.${'b'.repeat(63)}`]) assert.deepEqual(dnsSubdomainProblems(ok), [], ok);
    for (const bad of ['a..b', '.a', 'a.', 'A', 'a'.repeat(254)]) assert.notDeepEqual(dnsSubdomainProblems(bad), [], bad);
  });

  test('label keys: optional DNS prefix up to 253, name up to 63', () => {
    for (const ok of ['app', 'app.kubernetes.io/name', 'A_b.C-d', 'x/y', 'a'.repeat(63), `${'p'.repeat(253)}/n`]) assert.deepEqual(qualifiedNameProblems(ok), [], ok);
    for (const bad of ['', '/app', 'app/', 'a/b/c', '-app', 'app-', 'a b', 'a'.repeat(64), 'Example.com/app', `${'p'.repeat(254)}/n`]) assert.notDeepEqual(qualifiedNameProblems(bad), [], bad);
  });

  test('label values: empty allowed, up to 63', () => {
    for (const ok of ['', 'a', 'v1.2.3', 'A_b-C', 'a'.repeat(63)]) assert.deepEqual(labelValueProblems(ok), [], ok);
    for (const bad of ['-a', 'a-', 'a b', 'a/b', 'a'.repeat(64)]) assert.notDeepEqual(labelValueProblems(bad), [], bad);
  });

  test('port names: IANA service names', () => {
    for (const ok of ['http', 'h2c', 'x', 'grpc-web', '8080a', 'abcdefghijklmno']) assert.deepEqual(portNameProblems(ok), [], ok);
    for (const bad of ['HTTP', '80', 'a--b', '-a', 'a-', 'abcdefghijklmnop', 'a_b', '']) assert.notDeepEqual(portNameProblems(bad), [], bad);
  });

  test('did you mean: near misses of selector fields', () => {
    assert.equal(suggestField('matchLabel', LABEL_SELECTOR), 'matchLabels');
    assert.equal(suggestField('matchlabels', LABEL_SELECTOR), 'matchLabels');
    assert.equal(suggestField('machLabels', LABEL_SELECTOR), 'matchLabels');
    assert.equal(suggestField('matchExpresions', LABEL_SELECTOR), 'matchExpressions');
    assert.equal(suggestField('selector', LABEL_SELECTOR), undefined);
  });
});
