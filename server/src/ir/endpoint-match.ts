/**
 * Which endpoints a policy's subject, or a rule's peer, matches: a predicate over
 * pods (by namespace and labels) and addresses outside the cluster, independent of
 * the dialect that wrote it. Dialects build these when they lower a policy; the
 * evaluator answers them for every pod class and external address range.
 *
 * Pod labels are asked through `PodPredicate`, whose `key` lets the evaluator and
 * the dialects remember answers per distinct label set. Whether an address set
 * can hold pod addresses is the evaluator's assumption (external only, today),
 * stated in one place.
 */
import type { LabelSet } from '../model/selectors';
import type { IpRange } from './ip-range';

/** A pod as the dialects' label questions see it. The evaluator hands out one per pod class, so it can key caches. */
export interface PodView {
  readonly namespace: string;
  /** The namespace's labels, with the automatic `kubernetes.io/metadata.name`. */
  readonly namespaceLabels: LabelSet;
  readonly labels: LabelSet;
  /** Its pods use their node's network (`hostNetwork: true`): some dialects leave such pods out. */
  readonly hostNetwork?: boolean;
}

/** A namespace as a namespace question sees it. */
export interface NamespaceView {
  readonly name: string;
  readonly labels: LabelSet;
}

/** A dialect's question about a pod or a namespace: a label selector, a selector expression of some other grammar, ... */
export interface LabelPredicate<T> {
  /** Equal keys give equal answers for every input. */
  readonly key: string;
  test(subject: T): boolean;
}

/** The label one mistyped label stood for: `written` is what a selector asks, `meant` what the pod has. */
export interface LabelTypo {
  readonly written: string;
  readonly meant: string;
}

export interface PodPredicate extends LabelPredicate<PodView> {
  /**
   * The pod label keys `test` reads, when it reads no others: pods of one namespace that
   * agree on these get one answer, so the evaluator may treat them as one. Absent: any
   * label may matter.
   */
  readonly labelKeys?: readonly string[];
  /** When the predicate fails for `pod` only because of one mistyped label (for why-traces' "did you mean"). */
  typo?(pod: PodView): LabelTypo | undefined;
}

export type EndpointMatch =
  /** Every endpoint: pods and addresses outside the cluster. */
  | { readonly kind: 'any' }
  | { readonly kind: 'none' }
  /** Pods of `namespace` (when set), of the namespaces `namespaces` accepts (when set), that `pods` accepts (when set). */
  | { readonly kind: 'pods'; readonly namespace?: string; readonly namespaces?: LabelPredicate<NamespaceView>; readonly pods?: PodPredicate }
  /** Every address outside the cluster, of one family when `family` is set. */
  | { readonly kind: 'external'; readonly family?: 4 | 6 }
  /**
   * Addresses inside any of the ranges. Whether a pod's address counts is the cluster
   * profile's call for most dialects (plugins differ); `podsByAddress` says the dialect
   * itself matches pod addresses against the ranges, whatever the plugin.
   */
  | { readonly kind: 'addresses'; readonly ranges: readonly IpRange[]; readonly podsByAddress?: true }
  /** Addresses of cluster nodes: unknown to a workspace of manifests, so nothing matches. */
  | { readonly kind: 'nodes'; readonly text: string }
  | { readonly kind: 'and'; readonly parts: readonly EndpointMatch[] }
  | { readonly kind: 'or'; readonly parts: readonly EndpointMatch[] }
  | { readonly kind: 'not'; readonly part: EndpointMatch };

export const ANY_ENDPOINT: EndpointMatch = { kind: 'any' };
export const NO_ENDPOINT: EndpointMatch = { kind: 'none' };

/** `and` without the parts that say nothing; one part alone stands for itself. */
export function allOf(parts: readonly EndpointMatch[]): EndpointMatch {
  const kept = parts.filter((p) => p.kind !== 'any');
  if (kept.some((p) => p.kind === 'none')) return NO_ENDPOINT;
  return kept.length === 0 ? ANY_ENDPOINT : kept.length === 1 ? kept[0]! : { kind: 'and', parts: kept };
}

export function anyOf(parts: readonly EndpointMatch[]): EndpointMatch {
  const kept = parts.filter((p) => p.kind !== 'none');
  if (kept.some((p) => p.kind === 'any')) return ANY_ENDPOINT;
  return kept.length === 0 ? NO_ENDPOINT : kept.length === 1 ? kept[0]! : { kind: 'or', parts: kept };
}

export function notOf(part: EndpointMatch): EndpointMatch {
  if (part.kind === 'any') return NO_ENDPOINT;
  if (part.kind === 'none') return ANY_ENDPOINT;
  return { kind: 'not', part };
}

/** Every address range a match names: the boundaries the evaluator's external ranges must not straddle. */
export function addressCuts(match: EndpointMatch, into: IpRange[] = []): IpRange[] {
  switch (match.kind) {
    case 'addresses':
      into.push(...match.ranges);
      break;
    case 'and':
    case 'or':
      for (const part of match.parts) addressCuts(part, into);
      break;
    case 'not':
      addressCuts(match.part, into);
      break;
    default:
      break;
  }
  return into;
}

/**
 * Adds the pod label keys a match reads to `into`; false when some pod predicate does
 * not say which keys it reads (then every label may matter).
 */
export function podLabelKeys(match: EndpointMatch, into: Set<string>): boolean {
  switch (match.kind) {
    case 'pods':
      if (!match.pods) return true;
      if (!match.pods.labelKeys) return false;
      for (const key of match.pods.labelKeys) into.add(key);
      return true;
    case 'and':
    case 'or':
      return match.parts.every((part) => podLabelKeys(part, into));
    case 'not':
      return podLabelKeys(match.part, into);
    default:
      return true;
  }
}

/**
 * A text equal for two matches that match the same endpoints, read from the predicates'
 * keys: rules of many policies that repeat one peer (the same ipBlock with its excepts,
 * the same selectors) are matched once.
 */
export function matchKey(match: EndpointMatch): string {
  switch (match.kind) {
    case 'any':
    case 'none':
      return match.kind;
    case 'pods':
      return `pods(${match.namespace ?? '*'}|${match.namespaces?.key ?? '*'}|${match.pods?.key ?? '*'})`;
    case 'external':
      return `external(${match.family ?? '*'})`;
    case 'addresses':
      return `addresses(${match.ranges.map((r) => `${r.family}:${r.start}-${r.end}`).join(',')})`;
    case 'nodes':
      return `nodes(${JSON.stringify(match.text)})`;
    case 'and':
    case 'or':
      return `${match.kind}(${match.parts.map(matchKey).join(',')})`;
    case 'not':
      return `not(${matchKey(match.part)})`;
  }
}

/**
 * Whether a match holds for one pod, outside any workspace: for checks that ask about
 * a pod every cluster has (the cluster DNS). Address ranges never hold a pod here.
 */
export function matchesPod(match: EndpointMatch, pod: PodView): boolean {
  switch (match.kind) {
    case 'any':
      return true;
    case 'pods':
      return (
        (match.namespace === undefined || match.namespace === pod.namespace) &&
        (!match.namespaces || match.namespaces.test({ name: pod.namespace, labels: pod.namespaceLabels })) &&
        (!match.pods || match.pods.test(pod))
      );
    case 'and':
      return match.parts.every((p) => matchesPod(p, pod));
    case 'or':
      return match.parts.some((p) => matchesPod(p, pod));
    case 'not':
      return !matchesPod(match.part, pod);
    default:
      return false;
  }
}
