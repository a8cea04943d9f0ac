/**
 * The completion entry point: a file's analysis, a cursor offset and the
 * workspace's Universe in, completion candidates out, in the order to show them.
 *
 *   completeAt(analysis, offset, universe)  // [] when there is nothing useful to offer
 *
 * Work is bounded by the object being edited: the cursor's place is read from the
 * lines around it, and workspace labels come from precomputed statistics.
 */
import { detectStyle } from '../fixes/yaml-style';
import type { FileAnalysis } from '../analyze-file';
import type { Universe } from '../navigate/universe';
import { finish, type CandidateDraft, type CompletionCandidate } from './candidate';
import { CALICO_POLICY } from '../../dialects/calico/complete/field-schema';
import { calicoSelectorDrafts } from '../../dialects/calico/complete/complete-calico';
import { enumDrafts, fieldDrafts, namespaceDrafts } from './complete-fields';
import { labelKeyDrafts, labelValueDrafts } from './complete-labels';
import { namedPortDrafts } from '../../dialects/kubernetes/complete/complete-ports';
import { policyRecipeDrafts, ruleRecipeDrafts } from './complete-recipes';
import { documentContext, type DocumentContext, type PolicyFlavor } from './document-context';
import { NETWORK_POLICY } from '../../dialects/kubernetes/complete/field-schema';
import { schemaTarget, type SchemaTarget } from './schema-walk';
import { selectorScope } from '../../dialects/kubernetes/complete/selector-scope';
import { cursorPlace, mapEntries, type CursorPlace } from './yaml-cursor';
import { lineAt } from './yaml-lines';

export type { CompletionCandidate } from './candidate';

interface Site {
  readonly text: string;
  readonly offset: number;
  readonly place: CursorPlace;
  readonly context: DocumentContext & { readonly flavor: PolicyFlavor };
  readonly universe: Universe | undefined;
  readonly eol: '\n' | '\r\n';
}

export function completeAt(analysis: FileAnalysis, offset: number, universe: Universe | undefined): CompletionCandidate[] {
  const text = analysis.parsed.text;
  const context = documentContext(analysis, offset);
  const place = context ? cursorPlace(text, offset) : undefined;
  if (!context || !place) return [];
  const style = detectStyle({ text, documents: [context.doc] });
  if (context.empty) return finish(policyRecipeDrafts(place, universe, style.eol), place);
  const flavor = context.flavor;
  if (!flavor) return [];
  const target = schemaTarget(flavor === 'k8s' ? NETWORK_POLICY : CALICO_POLICY, place);
  if (!target) return [];
  const site: Site = { text, offset, place, context: { ...context, flavor }, universe, eol: style.eol };
  if (target.kind === 'fields') {
    const fields = fieldDrafts(target.node, place, style, flavor);
    const dashed = target.list !== undefined && place.path[place.path.length - 1]?.line.start === lineAt(text, offset).start;
    return finish([...fields, ...(dashed ? rulesFor(site, target.list!, true) : [])], place);
  }
  if (target.kind === 'list') return finish(rulesFor(site, target.field, false), place);
  return finish(valueDrafts(site, target), place);
}

/** Rule recipes belong to the `ingress` and `egress` lists of a Kubernetes NetworkPolicy. */
function rulesFor(site: Site, list: string, dashed: boolean): CandidateDraft[] {
  if (site.context.flavor !== 'k8s' || (list !== 'ingress' && list !== 'egress') || site.place.path.length > 3) return [];
  return ruleRecipeDrafts(list, site.place, dashed, site.universe, site.context.namespace, site.eol);
}

function valueDrafts(site: Site, target: Exclude<SchemaTarget, { kind: 'fields' | 'list' }>): CandidateDraft[] {
  const { place, universe, context } = site;
  if (target.kind === 'value' && target.spec.values?.kind === 'enum') return enumDrafts(target.spec.values.values, place);
  if (!universe) return [];
  const line = lineAt(site.text, site.offset);
  if (target.kind === 'label-key' || target.kind === 'label-value') {
    const scope = selectorScope(place.path, context.policy, context.namespace, universe);
    if (!scope) return [];
    return target.kind === 'label-key' ? labelKeyDrafts(scope, place, line, false) : labelValueDrafts(scope, target.key, place, line, universe);
  }
  const source = target.spec.values;
  switch (source?.kind) {
    case 'namespaces':
      return namespaceDrafts(universe, place);
    case 'label-key':
    case 'label-value': {
      const scope = selectorScope(place.path, context.policy, context.namespace, universe);
      if (!scope) return [];
      if (source.kind === 'label-key') return labelKeyDrafts(scope, place, line, true);
      const key = requirementKey(site);
      return key ? labelValueDrafts(scope, key, place, line, universe) : [];
    }
    case 'named-port':
      return namedPortDrafts(place, target.path[1], context.policy, context.namespace, site.offset, universe);
    case 'calico-selector':
      return calicoSelectorDrafts({ scope: source.scope, field: target.field, flavor: context.flavor, namespace: context.namespace, ...(context.calicoPolicy && { policy: context.calicoPolicy }) }, place, site.offset, site.text, universe);
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
