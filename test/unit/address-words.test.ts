/** The ipBlock hover's assumption follows the cluster profile, as the evaluator does. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressRangeAssumption } from '../../server/src/analysis/profile/address-words';
import { DEFAULT_PROFILE, type ClusterProfile } from '../../server/src/analysis/profile/cluster-profile';
import { parseCidr } from '../../server/src/ir/ip-range';

const EVERYTHING = [parseCidr('0.0.0.0/0')!];
const with_ = (profile: Partial<ClusterProfile>): ClusterProfile => ({ ...DEFAULT_PROFILE, ...profile });

test('by default the range is outside the cluster, and the hover says which setting decides', () => {
  assert.match(addressRangeAssumption(EVERYTHING), /^\*\*Assumed\*\* \(cluster profile: ipBlocksMatchPods off\): .* read this range as addresses outside the cluster/);
});

test('the plugin is named when it is known', () => {
  assert.match(addressRangeAssumption(EVERYTHING, with_({ plugin: 'cilium' })), /cluster profile: plugin cilium, ipBlocksMatchPods off/);
});

test('matching pods without their ranges says what is missing', () => {
  assert.match(addressRangeAssumption(EVERYTHING, with_({ ipBlocksMatchPods: true })), /the pod ranges are not known.* set `podCidrs`/);
});

test('with the pod ranges, the hover says which it covers, or that it covers none', () => {
  const profile = with_({ ipBlocksMatchPods: true, podCidrs: ['10.244.0.0/16', 'fd00:10:244::/56'] });
  assert.match(addressRangeAssumption(EVERYTHING, profile), /this range covers 10\.244\.0\.0\/16, so it matches the pods there/);
  assert.match(addressRangeAssumption([parseCidr('203.0.113.0/24')!], profile), /does not cover a pod range, so it matches no pods/);
});
