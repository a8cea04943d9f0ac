/**
 * Endpoint matches for Kubernetes label selectors (metav1.LabelSelector), which
 * NetworkPolicy and the cluster-wide policies share, and for CIDRs with exceptions.
 */
import { fromRequirements, SelectorMatchCache, type CompiledSelector, type Requirement } from '../model/selectors';
import { editDistance } from '../core/text/edit-distance';
import { allOf, notOf, type EndpointMatch, type LabelPredicate, type LabelTypo, type NamespaceView, type PodPredicate, type PodView } from './endpoint-match';
import type { IpRange } from './ip-range';

/** Pods of one namespace (or of the namespaces a selector picks) that a pod selector picks; absent selectors pick all. */
export function podsMatch(namespace: string | undefined, namespaceSelector: CompiledSelector | undefined, podSelector: CompiledSelector | undefined): EndpointMatch {
  return {
    kind: 'pods',
    ...(namespace !== undefined && { namespace }),
    ...(namespaceSelector && !namespaceSelector.matchesAll && { namespaces: namespaceSelectorPredicate(namespaceSelector) }),
    ...(podSelector && !podSelector.matchesAll && { pods: podSelectorPredicate(podSelector) }),
  };
}

export function addressesExcept(cidr: IpRange, except: readonly IpRange[]): EndpointMatch {
  return allOf([{ kind: 'addresses', ranges: [cidr] }, except.length > 0 ? notOf({ kind: 'addresses', ranges: except }) : { kind: 'any' }]);
}

/** Label selectors as the IR's predicates, with answers remembered per distinct label set. */
const MATCHES = new SelectorMatchCache();

function podSelectorPredicate(selector: CompiledSelector): PodPredicate {
  return {
    key: `k8s:${selector.key}`,
    test: (pod: PodView) => MATCHES.matches(selector, pod.labels),
    labelKeys: selector.requirements.map((r) => r.key),
    typo: (pod: PodView) => labelTypo(selector, pod),
  };
}

function namespaceSelectorPredicate(selector: CompiledSelector): LabelPredicate<NamespaceView> {
  return { key: `k8s:${selector.key}`, test: (ns: NamespaceView) => MATCHES.matches(selector, ns.labels) };
}

/**
 * `access: ful` against a pod labelled access=full: one requirement off by a typo
 * (about one per four characters, as the workspace's did-you-mean allows), the
 * rest of the selector matching.
 */
function labelTypo(selector: CompiledSelector, pod: PodView): LabelTypo | undefined {
  const requirements = selector.requirements;
  for (const [i, requirement] of requirements.entries()) {
    if (requirement.operator !== 'In' || requirement.values.length !== 1) continue;
    const written = `${requirement.key}=${requirement.values[0]}`;
    const limit = Math.max(1, Math.floor(written.length / 4));
    for (const [key, value] of pod.labels.labels) {
      const distance = editDistance(written, `${key}=${value}`);
      if (distance === 0 || distance > limit) continue;
      const corrected: Requirement[] = requirements.map((r, j) => (j === i ? { key, operator: 'In', values: [value] } : r));
      if (MATCHES.matches(fromRequirements(corrected), pod.labels)) return { written, meant: `${key}=${value}` };
    }
  }
  return undefined;
}
