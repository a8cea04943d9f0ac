/**
 * The registry of policy dialects: the only module outside a dialect's folder that
 * imports one. Generic features iterate DIALECTS, in this order (which decides, e.g.,
 * which dialect's hover answers first and the order of findings of the same place).
 * Add a dialect by adding its folder's Dialect here.
 */
import { calico } from './calico';
import { clusterNetworkPolicy } from './cluster-network-policy';
import type { Dialect } from './dialect';
import { kubernetes } from './kubernetes';

export const DIALECTS: readonly Dialect[] = [kubernetes, calico, clusterNetworkPolicy];
