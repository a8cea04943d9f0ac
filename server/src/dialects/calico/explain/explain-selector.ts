/**
 * Hovers on Calico selector expressions: the expression in plain English with
 * its AND / OR / NOT structure spelled out as a nested list, what it selects
 * from (endpoints of which namespaces, or namespaces), and the syntax error when
 * there is one.
 */
import { effectiveNamespace } from '../model/defaults';
import type { PlacedSelector } from '../model/selectors';
import type { CalicoPolicy } from '../model/types';
import type { SelectorNode } from '../selector/ast';
import { englishLines } from '../selector/english';
import { code, paragraphs } from '../../../analysis/explain/markdown';
import { expression } from './words';

/** The English of a parsed selector: one sentence for one condition, a nested list otherwise. */
function english(ast: SelectorNode, noun: string, verb: string): string {
  if (ast.kind === 'all') return `${verb} all ${noun.replace(/^the /, '')} (\`all()\`).`;
  if (ast.kind === 'global') return 'Selects no namespace: `global()` matches only what belongs to no namespace (global network sets, host endpoints).';
  const lines = englishLines(ast);
  if (lines.length === 1) return `${verb} ${noun} where ${lines[0]}.`;
  return `${verb} ${noun} where ${lines[0]!.replace(/^(ALL|ANY|NONE|NOT ALL) of these:$/, (m) => m.replace(':', ''))}:\n\n${lines.slice(1).join('\n')}`;
}

function title(placed: PlacedSelector): string {
  switch (placed.selector.role) {
    case 'policy-selector':
      return '**`spec.selector`**: the endpoints this policy applies to.';
    case 'policy-namespace-selector':
      return '**`spec.namespaceSelector`**: the namespaces this GlobalNetworkPolicy applies in.';
    case 'policy-service-account-selector':
      return '**`spec.serviceAccountSelector`**: the service accounts whose pods this policy applies to.';
    case 'entity-selector':
      return `**\`selector\`** in this rule's \`${placed.entity}\`: which endpoints match.`;
    case 'entity-not-selector':
      return `**\`notSelector\`** in this rule's \`${placed.entity}\`: which endpoints do NOT match.`;
    case 'entity-namespace-selector':
      return `**\`namespaceSelector\`** in this rule's \`${placed.entity}\`: which namespaces the endpoints must be in.`;
    case 'service-account-selector':
      return `**\`serviceAccounts.selector\`** in this rule's \`${placed.entity}\`: which service accounts' pods match.`;
  }
}

function noun(placed: PlacedSelector): string {
  const role = placed.selector.role;
  if (role === 'policy-namespace-selector' || role === 'entity-namespace-selector') return 'the namespaces';
  if (role === 'policy-service-account-selector' || role === 'service-account-selector') return 'the service accounts';
  return 'the endpoints';
}

/** Where the selected endpoints are looked for, and how the selector combines with its neighbours. */
function scopeNote(placed: PlacedSelector, policy: CalicoPolicy): string | undefined {
  const namespace = effectiveNamespace(policy);
  const entity = placed.rule && placed.entity ? placed.rule[placed.entity] : undefined;
  switch (placed.selector.role) {
    case 'policy-selector':
      if (namespace !== undefined) return `Only endpoints in the policy's namespace, ${code(namespace)}, are considered.`;
      return policy.spec.namespaceSelector ? 'Endpoints in the namespaces `spec.namespaceSelector` selects are considered (AND).' : 'Endpoints in every namespace are considered, and host endpoints too.';
    case 'policy-namespace-selector':
    case 'entity-namespace-selector':
      return "Namespaces are matched by their labels; every namespace also carries `projectcalico.org/name` with its name. `all()` means every namespace; `global()` means outside every namespace (global network sets, host endpoints).";
    case 'entity-selector': {
      if (entity?.namespaceSelector) return "Only endpoints in the namespaces this rule side's `namespaceSelector` selects (AND). Addresses outside the cluster never match a selector.";
      if (namespace !== undefined) return `Without a \`namespaceSelector\`, only endpoints in the policy's namespace, ${code(namespace)}. Addresses outside the cluster never match a selector.`;
      return 'In a GlobalNetworkPolicy without a `namespaceSelector`, endpoints of every namespace. Addresses outside the cluster never match a selector.';
    }
    case 'entity-not-selector':
      return 'Everything else matches, including addresses outside the cluster; in a namespaced policy, only endpoints of its namespace are considered at all.';
    default:
      return undefined;
  }
}

export function explainCalicoSelector(placed: PlacedSelector, policy: CalicoPolicy): string {
  const { selector } = placed;
  const parse = selector.parse;
  let body: string;
  if (!parse.ok) body = `**Invalid selector:** ${parse.error.message}`;
  else if (parse.empty) body = `Empty: Calico reads an empty selector as \`all()\`${placed.selector.role.startsWith('entity') ? ' — but in a rule side it counts as not written, so this field narrows nothing' : ''}.`;
  else body = english(parse.ast, noun(placed), placed.selector.role === 'entity-not-selector' ? 'Excludes' : 'Selects');
  const written = parse.ok && !parse.empty ? `As Calico reads it: ${code(expression(selector) ?? '')}` : undefined;
  return paragraphs([title(placed), body, written, scopeNote(placed, policy)]);
}
