/**
 * ObjectRef -> CalicoTier: the few fields of a projectcalico.org/v3 Tier that
 * decide evaluation order. Tiers group policies; the order of the tiers comes
 * before the order of the policies in them.
 */
import { mapField, stringField } from '../../../model/read-fields';
import { readMetadata } from '../../../model/metadata';
import type { ObjectRef, Span } from '../../../model/types';
import { numberField } from './read-rule';

export interface CalicoTier {
  readonly name: string;
  /** Absent: the tier has no order and comes after every tier with one. */
  readonly order?: number;
  /** What happens to traffic no policy in the tier decided; Calico's default is Deny. */
  readonly defaultAction: 'Deny' | 'Pass';
  readonly span: Span;
}

function isCalicoTier(ref: ObjectRef): boolean {
  return ref.kind?.value === 'Tier' && (ref.apiVersion?.value.startsWith('projectcalico.org/') ?? false);
}

function readCalicoTier(ref: ObjectRef): CalicoTier | undefined {
  const name = readMetadata(ref.node).name?.value;
  if (!name) return undefined;
  const spec = mapField(ref.node, 'spec')?.map;
  const order = numberField(spec, 'order')?.value;
  const defaultAction = stringField(spec, 'defaultAction')?.value === 'Pass' ? 'Pass' : 'Deny';
  return { name, ...(order !== undefined && { order }), defaultAction, span: ref.node.span };
}

/** The Tier objects among a file's objects, in file order. */
export function readCalicoTiers(objects: readonly ObjectRef[]): CalicoTier[] {
  return objects.filter(isCalicoTier).map(readCalicoTier).filter((t): t is CalicoTier => t !== undefined);
}
