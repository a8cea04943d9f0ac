/**
 * Completion in a NetworkPolicy: its field schema, label keys and values of its
 * selectors from the workspace, container port names after `port:`, and recipes
 * (whole policies in an empty document, rules at the start of an ingress or egress item).
 */
import type { CompletionHooks, CompletionSite } from '../../../analysis/complete/completion-hooks';
import { schemaDrafts, type ValueTarget } from '../../../analysis/complete/complete-schema';
import type { CandidateDraft } from '../../../analysis/complete/candidate';
import { mapEntries } from '../../../analysis/complete/yaml-cursor';
import { lineAt } from '../../../analysis/complete/yaml-lines';
import type { NetworkPolicy } from '../../../model/types';
import { labelKeyDrafts, labelValueDrafts } from './complete-labels';
import { namedPortDrafts } from './complete-ports';
import { policyRecipeDrafts, ruleRecipeDrafts } from './complete-recipes';
import { NETWORK_POLICY, type KubernetesValueSource } from './field-schema';
import { selectorScope } from './selector-scope';

type Site = CompletionSite<NetworkPolicy>;

export const kubernetesCompletion: CompletionHooks<NetworkPolicy> = {
  // Any NetworkPolicy no other dialect claims by its apiVersion: a wrong apiVersion is this dialect's finding.
  documentKind: (kind) => (kind === 'NetworkPolicy' ? 'fallback' : undefined),
  newDocument: (site) => policyRecipeDrafts(site.place, site.universe, site.style.eol, site.namespaceNameLabels),
  complete: (site) => schemaDrafts(site, { root: NETWORK_POLICY, listItems: rulesFor, values: valueDrafts }),
};

/** Rule recipes belong to the `ingress` and `egress` lists. */
function rulesFor(site: Site, list: string, dashed: boolean): CandidateDraft[] {
  if ((list !== 'ingress' && list !== 'egress') || site.place.path.length > 3) return [];
  return ruleRecipeDrafts(list, site.place, dashed, site.universe, site.namespace, site.style.eol, site.namespaceNameLabels);
}

function valueDrafts(site: Site, target: ValueTarget<KubernetesValueSource>): CandidateDraft[] {
  const { place, policy, namespace } = site;
  const universe = site.universe!;
  const line = lineAt(site.text, site.offset);
  if (target.kind === 'label-key' || target.kind === 'label-value') {
    const scope = selectorScope(place.path, policy, namespace, universe);
    if (!scope) return [];
    return target.kind === 'label-key' ? labelKeyDrafts(scope, place, line, false) : labelValueDrafts(scope, target.key, place, line, universe);
  }
  const source = target.spec.values;
  switch (source?.kind) {
    case 'label-key':
    case 'label-value': {
      const scope = selectorScope(place.path, policy, namespace, universe);
      if (!scope) return [];
      if (source.kind === 'label-key') return labelKeyDrafts(scope, place, line, true);
      const key = requirementKey(site);
      return key ? labelValueDrafts(scope, key, place, line, universe) : [];
    }
    case 'named-port':
      return namedPortDrafts(place, target.path[1], policy, namespace, site.offset, universe);
    default:
      return [];
  }
}

/** The `key:` written beside `values:` in the same matchExpressions item. */
function requirementKey(site: Site): string | undefined {
  const step = [...site.place.path].reverse().find((s) => 'key' in s && s.key === 'values');
  if (!step) return undefined;
  const written = mapEntries(site.text, step.line, step.line.content).find(([key]) => key === 'key')?.[1];
  return written?.replace(/^["']|["']$/g, '') || undefined;
}
