/**
 * The shapes of a file's Calico policies, computed once per file analysis: every
 * policy's check compares itself with all the others, and shaping each of them
 * again per policy would make a file of n policies cost n².
 */
import type { CalicoPolicy } from '../model/types';
import { calicoShape } from './calico-shapes';
import type { PolicyShape } from './shapes';

const CACHE = new WeakMap<readonly CalicoPolicy[], PolicyShape[]>();

/** The file is not known here; findings from these shapes only ever point into it. */
export function fileShapes(policies: readonly CalicoPolicy[]): PolicyShape[] {
  let shapes = CACHE.get(policies);
  if (!shapes) {
    shapes = policies.map((p) => calicoShape('', p));
    CACHE.set(policies, shapes);
  }
  return shapes;
}
