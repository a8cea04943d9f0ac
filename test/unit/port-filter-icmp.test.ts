/**
 * The panel's port filter and the what-if diff over cells that hold ICMP or
 * other protocols: a filter asks about ports, so ICMP is outside every filter
 * but the empty one, and a cell's ICMP neither makes a filtered cell partial
 * nor counts as a change for a port filter.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_CONNECTIONS, connectionsOf, formatConnections, icmpConnections, otherConnections, subtractConnections, unionConnections } from '../../server/src/ir/connection-set';
import { icmpMessages } from '../../server/src/ir/icmp-set';
import { otherProtocol } from '../../server/src/ir/other-protocols';
import { portRange } from '../../server/src/ir/port-set';
import { filterConnections, projectedCell } from '../../server/src/workspace/port-filter';
import { diffRows } from '../../server/src/workspace/reach-diff';
import { workspaceOf, type Json } from '../support/object-workspace';

const PING = icmpConnections('ICMP', icmpMessages(8, 0));
const WEB_AND_PING = unionConnections(connectionsOf('TCP', portRange(80)), PING);

test('a port filter leaves ICMP and the other protocols out', () => {
  assert.deepEqual(filterConnections(undefined), ALL_CONNECTIONS);
  assert.deepEqual(filterConnections({}), ALL_CONNECTIONS);
  assert.equal(formatConnections(filterConnections({ protocol: 'TCP' })), 'TCP 1-65535');
  assert.deepEqual(projectedCell(WEB_AND_PING, filterConnections({ protocol: 'TCP', port: 80 })), { status: 'allowed', connections: 'TCP 80' });
  assert.deepEqual(projectedCell(PING, filterConnections({ port: 80 })), { status: 'denied', connections: 'No Connections' });
  // Without a filter the cell is what it is: ICMP is part of it.
  assert.deepEqual(projectedCell(WEB_AND_PING, filterConnections(undefined)), { status: 'partial', connections: 'ICMP type 8 code 0,TCP 80' });
  // Everything but GRE is not all, and says so.
  const noGre = subtractConnections(ALL_CONNECTIONS, otherConnections(otherProtocol(47)));
  assert.deepEqual(projectedCell(noGre, filterConnections(undefined)), { status: 'partial', connections: 'ICMP,ICMPv6,SCTP 1-65535,TCP 1-65535,UDP 1-65535,other protocols but 47' });
  assert.deepEqual(projectedCell(noGre, filterConnections({ protocol: 'UDP' })), { status: 'allowed', connections: 'UDP 1-65535' });
});

function calicoWorkspace(rules: Json[]): Json[] {
  return [
    { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'server-in', namespace: 'ns1' }, spec: { selector: "app == 'server'", types: ['Ingress'], ingress: rules } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client', namespace: 'ns1', labels: { app: 'client' } }, spec: { containers: [{ name: 'c', image: 'c' }] } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'server', namespace: 'ns1', labels: { app: 'server' } }, spec: { containers: [{ name: 'c', image: 's' }] } },
  ];
}

test('the diff of adding an ICMP rule names the messages it adds', () => {
  const web = { action: 'Allow', protocol: 'TCP', destination: { ports: [80] } };
  const before = workspaceOf(calicoWorkspace([web])).reach();
  const after = workspaceOf(calicoWorkspace([web, { action: 'Allow', protocol: 'ICMPv6', icmp: { type: 128 } }])).reach();
  const rows = diffRows(before, after).map((r) => `${r.source} => ${r.destination}: ${r.ref1} -> ${r.ref2}`).sort();
  assert.deepEqual(rows, [
    '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] => ns1/server[Pod]: TCP 80 -> ICMPv6 type 128,TCP 80',
    'ns1/client[Pod] => ns1/server[Pod]: TCP 80 -> ICMPv6 type 128,TCP 80',
  ]);
});
