/**
 * The engine's Calico side: the compiled Calico policies and tiers, and the
 * selector questions about them, answered once per distinct label set.
 *
 * Calico matches selectors against an endpoint's labels plus a few it adds
 * itself (`projectcalico.org/namespace`, `projectcalico.org/orchestrator`), and
 * namespace selectors against the namespace's labels plus
 * `projectcalico.org/name`, the namespace's name.
 */
import { evaluateSelector } from '../selector/evaluate';
import { labelSetOf, type LabelSet } from '../../../model/selectors';
import type { CalicoSel, CompiledCalicoPolicy, CompiledEntity, EntityNamespaces } from './types';
import type { IpRange } from '../../../ir/ip-range';
import type { PodClassView } from '../../../evaluate/pod-classes';
import type { ReachTier, SkippedPolicy } from '../../../evaluate/types';

const CALICO_NAMESPACE_LABEL = 'projectcalico.org/namespace';
const CALICO_ORCHESTRATOR_LABEL = 'projectcalico.org/orchestrator';
const CALICO_NAMESPACE_NAME_LABEL = 'projectcalico.org/name';

export type Direction = 'ingress' | 'egress';

export class CalicoIndex {
  readonly policies: CompiledCalicoPolicy[] = [];
  readonly skipped: SkippedPolicy[] = [];
  readonly tiers = new Map<string, ReachTier>();
  private readonly podLabelSets: (LabelSet | undefined)[] = [];
  private readonly namespaceLabelSets = new Map<string, LabelSet>();
  private readonly results = new Map<string, Map<string, boolean>>();

  constructor(private readonly model: PodClassView) {}

  /** The pod labels of a class, with the labels Calico adds to every workload endpoint. */
  podLabels(classIndex: number): LabelSet {
    let set = this.podLabelSets[classIndex];
    if (!set) {
      const cls = this.model.classes[classIndex]!;
      const auto: [string, string][] = [[CALICO_NAMESPACE_LABEL, cls.namespace], [CALICO_ORCHESTRATOR_LABEL, 'k8s']];
      set = labelSetOf([...cls.workload.labels.labels.entries(), ...auto]);
      this.podLabelSets[classIndex] = set;
    }
    return set;
  }

  namespaceLabels(name: string): LabelSet {
    let set = this.namespaceLabelSets.get(name);
    if (!set) {
      const labels = this.model.namespaces.get(name)?.labels.labels ?? new Map<string, string>();
      set = labelSetOf([...labels.entries(), [CALICO_NAMESPACE_NAME_LABEL, name]]);
      this.namespaceLabelSets.set(name, set);
    }
    return set;
  }

  matches(selector: CalicoSel, labels: LabelSet): boolean {
    if (selector.ast.kind === 'all') return true;
    let bySet = this.results.get(selector.key);
    if (!bySet) {
      bySet = new Map();
      this.results.set(selector.key, bySet);
    }
    let result = bySet.get(labels.key);
    if (result === undefined) {
      result = evaluateSelector(selector.ast, labels.labels);
      bySet.set(labels.key, result);
    }
    return result;
  }

  /** Whether the policy applies to the pods of a class in a direction (its types must include it). */
  applies(policy: CompiledCalicoPolicy, classIndex: number, direction: Direction): boolean {
    return policy[direction] !== undefined && this.appliesToClass(policy, classIndex);
  }

  appliesToClass(policy: CompiledCalicoPolicy, classIndex: number): boolean {
    if (!policy.appliesToPods) return false;
    const cls = this.model.classes[classIndex]!;
    if (!policy.global && cls.namespace !== policy.ref.namespace) return false;
    if (policy.namespaceSelector && !this.matches(policy.namespaceSelector, this.namespaceLabels(cls.namespace))) return false;
    return this.matches(policy.selector, this.podLabels(classIndex));
  }

  /** The classes a policy applies to in either direction. */
  appliedClasses(policy: CompiledCalicoPolicy): number[] {
    return this.model.classes.map((c) => c.index).filter((c) => this.appliesToClass(policy, c));
  }

  /** The Calico policies that apply to a class in a direction, in no particular order. */
  applicable(classIndex: number, direction: Direction): CompiledCalicoPolicy[] {
    return this.policies.filter((p) => this.applies(p, classIndex, direction));
  }

  /** Whether an entity (a rule's source or destination) matches a node: a pod class, or an external range. */
  entityMatches(entity: CompiledEntity, node: number, ipVersion?: 4 | 6): boolean {
    if (node >= this.model.classCount) return this.externalMatches(entity, this.model.atoms[node - this.model.classCount]!, ipVersion);
    // Pod addresses are unknown offline: a pod is in no `nets` and outside every `notNets`.
    if (entity.nets) return false;
    const labels = this.podLabels(node);
    if (entity.notSelector && this.matches(entity.notSelector, labels)) return false;
    const scoped = entity.scoped;
    if (!scoped) return true;
    if (!this.namespaceMatches(scoped.namespaces, this.model.classes[node]!.namespace)) return false;
    return !scoped.selector || this.matches(scoped.selector, labels);
  }

  /** Nodes worth testing for an entity: a scoped one can only match pods (of one namespace, when named). */
  candidates(entity: CompiledEntity): Iterable<number> {
    const scoped = entity.scoped;
    if (!scoped) return range(0, this.model.nodeCount);
    if (scoped.namespaces.kind === 'named') return this.model.classesByNamespace.get(scoped.namespaces.namespace) ?? [];
    return range(0, this.model.classCount);
  }

  /** Every nets and notNets range: boundaries the external ranges must not straddle. */
  ipCuts(): IpRange[] {
    const cuts: IpRange[] = [];
    for (const policy of this.policies) {
      for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
        for (const entity of [rule.from, rule.to]) cuts.push(...(entity.nets ?? []), ...(entity.notNets ?? []));
      }
    }
    return cuts;
  }

  private namespaceMatches(namespaces: EntityNamespaces, name: string): boolean {
    switch (namespaces.kind) {
      case 'any':
        return true;
      case 'none':
        return false;
      case 'named':
        return namespaces.namespace === name;
      case 'selected':
        return this.matches(namespaces.selector, this.namespaceLabels(name));
    }
  }

  /**
   * An address outside the cluster is no endpoint: a selector never matches it, a notSelector
   * always does. Felix renders a rule once per IP version, and a rule whose nets and notNets
   * name only one family exists only for that family: `notNets: [192.168.0.0/16]` says
   * nothing about IPv6 traffic, so it does not match it.
   */
  private externalMatches(entity: CompiledEntity, atom: IpRange, ipVersion: 4 | 6 | undefined): boolean {
    if (entity.scoped) return false;
    if (ipVersion !== undefined && atom.family !== ipVersion) return false;
    const written = [...(entity.nets ?? []), ...(entity.notNets ?? [])];
    if (written.length > 0 && !written.some((r) => r.family === atom.family)) return false;
    const inside = (r: IpRange): boolean => r.family === atom.family && r.start <= atom.start && atom.end <= r.end;
    if (entity.nets && !entity.nets.some(inside)) return false;
    return !entity.notNets?.some(inside);
  }
}

function* range(from: number, to: number): Iterable<number> {
  for (let i = from; i < to; i++) yield i;
}
