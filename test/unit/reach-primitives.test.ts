import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_CONNECTIONS, allowsIcmp, allowsProtocolNumber, connectionsOf, formatConnections, icmpConnections, intersectConnections, NO_CONNECTIONS, otherConnections, subtractConnections, unionConnections } from '../../server/src/ir/connection-set';
import { icmpMessages } from '../../server/src/ir/icmp-set';
import { ALL_OTHER_PROTOCOLS, otherProtocol } from '../../server/src/ir/other-protocols';
import { ConnectionTable, ALL, NONE } from '../../server/src/ir/connection-table';
import { formatIp, formatRange, parseCidr, parseIp, splitAddressSpace } from '../../server/src/ir/ip-range';
import { parsePortQuery } from '../../server/src/evaluate/port-query';
import { formatPorts, intersectPorts, portRange, subtractPorts, unionPorts } from '../../server/src/ir/port-set';

test('port sets merge overlapping and adjacent ranges', () => {
  assert.deepEqual(unionPorts(portRange(80), portRange(81, 90)), [80, 90]);
  assert.deepEqual(unionPorts(portRange(100, 200), portRange(80)), [80, 80, 100, 200]);
  assert.deepEqual(unionPorts(portRange(1, 10), portRange(5, 8)), [1, 10]);
  assert.deepEqual(intersectPorts([1, 10, 20, 30], [5, 25]), [5, 10, 20, 25]);
  assert.deepEqual(intersectPorts(portRange(80), portRange(81)), []);
  assert.equal(formatPorts([53, 53, 5353, 5353, 8080, 8081]), '53,5353,8080-8081');
});

test('connection sets print as netpol-analyzer prints them', () => {
  assert.equal(formatConnections(ALL_CONNECTIONS), 'All Connections');
  assert.equal(formatConnections(NO_CONNECTIONS), 'No Connections');
  const mixed = unionConnections(unionConnections(connectionsOf('UDP', portRange(9090)), connectionsOf('TCP', portRange(8080, 8081))), connectionsOf('SCTP', portRange(7070)));
  assert.equal(formatConnections(mixed), 'SCTP 7070,TCP 8080-8081,UDP 9090');
  assert.equal(formatConnections(unionConnections(connectionsOf('TCP', [8080, 8080, 9090, 9090]), connectionsOf('UDP', portRange(8080)))), 'TCP 8080,9090,UDP 8080');
  assert.equal(formatConnections(connectionsOf('TCP', portRange(1, 65535))), 'TCP 1-65535');
  assert.equal(formatConnections(intersectConnections(ALL_CONNECTIONS, connectionsOf('UDP', portRange(53)))), 'UDP 53');
});

test('ICMP, ICMPv6 and other protocols print after their names, types before codes, in a fixed order', () => {
  const ping = icmpConnections('ICMP', icmpMessages(8, 0));
  assert.equal(formatConnections(ping), 'ICMP type 8 code 0');
  assert.equal(formatConnections(icmpConnections('ICMP', icmpMessages(8))), 'ICMP type 8');
  assert.equal(formatConnections(icmpConnections('ICMPv6', icmpMessages())), 'ICMPv6');
  // Whole types first, then each type that is only partly there, with its codes.
  const mixed = icmpConnections('ICMP', unionPorts(unionPorts(icmpMessages(0), icmpMessages(8)), unionPorts(icmpMessages(3, 1), icmpMessages(3, 3))));
  assert.equal(formatConnections(mixed), 'ICMP type 0,8,ICMP type 3 code 1,3');
  // A run of messages across types splits at the type boundaries.
  assert.equal(formatConnections(icmpConnections('ICMP', [3 * 256 + 4, 5 * 256 + 2])), 'ICMP type 4,ICMP type 3 code 4-255,ICMP type 5 code 0-2');
  const everything = unionConnections(unionConnections(ping, connectionsOf('TCP', portRange(80))), unionConnections(icmpConnections('ICMPv6', icmpMessages(128)), otherConnections(otherProtocol(47))));
  assert.equal(formatConnections(everything), 'ICMP type 8 code 0,ICMPv6 type 128,TCP 80,protocol 47');
  assert.equal(formatConnections(otherConnections(ALL_OTHER_PROTOCOLS)), 'other protocols');
  assert.equal(formatConnections(otherConnections(subtractPorts(ALL_OTHER_PROTOCOLS, [47, 47]))), 'other protocols but 47');
  // The named protocols have parts of their own, so their numbers are no other protocol.
  assert.deepEqual(otherProtocol(6), []);
  assert.deepEqual(icmpMessages(256), []);
  // All of every part is "All Connections"; all but TCP 80 lists every other part.
  assert.equal(formatConnections(unionConnections(subtractConnections(ALL_CONNECTIONS, connectionsOf('TCP', portRange(80))), connectionsOf('TCP', portRange(80)))), 'All Connections');
  assert.equal(formatConnections(subtractConnections(ALL_CONNECTIONS, connectionsOf('TCP', portRange(80)))), 'ICMP,ICMPv6,SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535,other protocols');
  assert.ok(allowsIcmp(ping, 'ICMP', 8, 0) && !allowsIcmp(ping, 'ICMP', 8, 1) && !allowsIcmp(ping, 'ICMPv6', 8, 0));
  assert.ok(allowsProtocolNumber(everything, 47) && !allowsProtocolNumber(everything, 50));
});

test('the connection table interns sets and memoizes operations', () => {
  const table = new ConnectionTable();
  const tcp80 = table.intern(connectionsOf('TCP', portRange(80)));
  assert.equal(table.intern(connectionsOf('TCP', portRange(80))), tcp80);
  assert.equal(table.union(tcp80, NONE), tcp80);
  assert.equal(table.union(tcp80, ALL), ALL);
  assert.equal(table.intersect(tcp80, ALL), tcp80);
  const udp = table.intern(connectionsOf('UDP', portRange(1, 65535)));
  assert.equal(table.intersect(tcp80, udp), NONE);
  assert.equal(formatConnections(table.get(table.union(tcp80, udp))), 'TCP 80,UDP 1-65535');
});

test('IP addresses and CIDRs parse as Go parses them', () => {
  assert.equal(parseIp('10.1.2.3')?.value, 0x0a010203n);
  assert.equal(parseIp('010.1.2.3'), undefined);
  assert.equal(parseIp('256.1.2.3'), undefined);
  assert.equal(parseIp('::1')?.value, 1n);
  assert.equal(parseIp('::ffff:10.0.0.1')?.value, 0xffff0a000001n);
  assert.equal(parseIp('1:2:3:4:5:6:7:8:9'), undefined);
  assert.equal(parseIp('1::2::3'), undefined);
  assert.deepEqual(parseCidr('10.1.2.3/8'), { family: 4, start: 0x0a000000n, end: 0x0affffffn });
  assert.equal(parseCidr('10.0.0.0/33'), undefined);
  assert.equal(parseCidr('10.0.0.0'), undefined);
  assert.equal(parseCidr('2001:db8::/129'), undefined);
  assert.equal(formatRange(parseCidr('2001:db8::/32')!), '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff');
});

test('IPv6 prints in the RFC 5952 short form', () => {
  assert.equal(formatIp(6, 0n), '::');
  assert.equal(formatIp(6, 1n), '::1');
  assert.equal(formatIp(6, parseIp('2001:db8:0:0:1:0:0:1')!.value), '2001:db8::1:0:0:1');
  assert.equal(formatIp(6, parseIp('2001:0:0:1:0:0:0:1')!.value), '2001:0:0:1::1');
  assert.equal(formatIp(6, parseIp('1:2:3:4:5:6:7:0')!.value), '1:2:3:4:5:6:7:0');
});

test('the address space splits at every cidr boundary and nowhere else', () => {
  assert.deepEqual(splitAddressSpace([]).map(formatRange), ['0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']);
  const cuts = [parseCidr('10.0.0.0/8')!, parseCidr('10.1.0.0/16')!, parseCidr('0.0.0.0/0')!];
  assert.deepEqual(splitAddressSpace(cuts).filter((r) => r.family === 4).map(formatRange), [
    '0.0.0.0-9.255.255.255',
    '10.0.0.0-10.0.255.255',
    '10.1.0.0-10.1.255.255',
    '10.2.0.0-10.255.255.255',
    '11.0.0.0-255.255.255.255',
  ]);
});

test('--port accepts PORT/PROTO, PROTO/PORT and a bare port', () => {
  assert.deepEqual(parsePortQuery('8080/UDP'), { port: 8080, protocol: 'UDP' });
  assert.deepEqual(parsePortQuery('sctp/7'), { port: 7, protocol: 'SCTP' });
  assert.deepEqual(parsePortQuery('80'), { port: 80, protocol: 'TCP' });
  assert.equal(parsePortQuery('80/ICMP'), undefined);
  assert.equal(parsePortQuery('0/TCP'), undefined);
  assert.equal(parsePortQuery('http'), undefined);
});
