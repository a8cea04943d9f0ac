/**
 * The "Why" pane: for the selected pair, the egress side (the source's policies)
 * and the ingress side (the destination's policies), each saying whether it is
 * isolated, by which policies, and which rule allows what. Every policy and rule
 * is a link that asks the host to reveal that exact YAML range.
 */
import type { PolicyRefDto, RuleContributionDto, SideTraceDto, SourceLocation } from '../../server/src/protocol';
import { changeWords, KIND_ICON, KIND_WORD } from './cell-text';
import { h, icon, linkButton } from './dom';
import { pairKey, type PanelStore } from './panel-store';

export type Reveal = (location: SourceLocation) => void;

export class TraceView {
  readonly element: HTMLElement;
  private readonly body: HTMLDivElement;

  constructor(
    private readonly store: PanelStore,
    private readonly reveal: Reveal,
  ) {
    this.body = h('div', { className: 'why-body' });
    this.element = h('aside', { className: 'why', attrs: { 'aria-label': 'Why' } }, [h('h2', { className: 'why-title', text: 'Why' }), this.body]);
    this.body.setAttribute('aria-live', 'polite');
  }

  update(): void {
    const selection = this.store.state.selection;
    const trace = this.store.trace;
    if (!selection) return this.show(h('p', { className: 'hint', text: 'Click a cell or an arrow (or press Enter on a cell) to see which policies and rules decide that connection.' }));
    if (!trace) return this.show(h('p', { className: 'hint', text: `Tracing ${selection.src} → ${selection.dst}…` }));
    const result = trace.result;
    if (!result.trace) return this.show(h('p', { className: 'error', text: result.error ?? 'No trace for this pair.' }));
    const t = result.trace;
    const kind = t.src === t.dst ? 'self' : t.status;
    const parts: Node[] = [
      h('div', { className: 'why-pair' }, [this.nodeLink(t.src), h('span', { className: 'arrow', text: ' → ' }), this.nodeLink(t.dst)]),
      h('div', { className: `why-verdict kind-${kind}` }, [icon(KIND_ICON[kind]), h('span', { text: ` ${capitalize(KIND_WORD[kind])}: ` }), h('code', { text: t.connections })]),
    ];
    const changes = this.store.changes.get(pairKey(t.src, t.dst));
    if (changes?.length) parts.push(h('p', { className: 'why-change', text: `What-if: ${changeWords(changes)} (saved files: ${changes[0]!.before.connections}).` }));
    if (t.self) parts.push(h('p', { className: 'why-self', text: selfText(t.self) }));
    // A bare Pod is one pod: no policy decides its traffic to itself, so no side is shown.
    if (t.self !== 'one-pod') parts.push(this.side('Egress from the source', t.egress), this.side('Ingress to the destination', t.ingress));
    if (result.text.length > 0) parts.push(h('details', { className: 'why-words' }, [h('summary', { text: 'In words' }), h('pre', { text: result.text.join('\n') })]));
    this.show(...parts);
  }

  /** The links of the current trace, as the test API reports them. */
  links(): string[] {
    return [...this.body.querySelectorAll<HTMLButtonElement>('button.link')].map((b) => b.dataset.linkKey ?? b.textContent ?? '');
  }

  findLink(policy: string, direction?: string, ruleIndex?: number): HTMLButtonElement | undefined {
    const wanted = ruleIndex === undefined ? `policy:${policy}` : `rule:${policy}:${direction}:${ruleIndex}`;
    return [...this.body.querySelectorAll<HTMLButtonElement>('button.link')].find((b) => b.dataset.linkKey === wanted);
  }

  private show(...nodes: Node[]): void {
    this.body.replaceChildren(...nodes);
  }

  private nodeLink(id: string): Node {
    const index = this.store.nodeIndex.get(id);
    const node = index === undefined ? undefined : this.store.matrix?.nodes[index];
    const location = node?.location;
    if (!location) return h('code', { text: id });
    const link = linkButton(id, `Open the YAML of ${id}`, () => this.reveal(location));
    link.dataset.linkKey = `node:${id}`;
    return link;
  }

  private side(title: string, side: SideTraceDto): HTMLElement {
    const section = h('section', { className: `why-side status-${side.status}` }, [h('h3', { text: `${title}: ` }, [h('code', { text: side.subject })])]);
    if (side.status === 'external') section.append(h('p', { text: 'Outside the cluster: NetworkPolicy does not restrict this side.' }));
    else if (side.status === 'not-isolated') section.append(h('p', { text: `Not isolated: no policy selects it for ${side.direction}, so all ${side.direction} is allowed.` }));
    else {
      section.append(h('p', {}, ['Isolated by ', ...joinNodes(side.isolatedBy.map((p) => this.policyLink(p))), '.']));
      const useful = side.allowedBy.filter((c) => c.connections !== 'No Connections');
      if (useful.length === 0) section.append(h('p', { className: 'why-none', text: `No rule of these policies matches this peer, so ${side.direction} is denied.` }));
      else section.append(h('ul', { className: 'why-rules' }, side.allowedBy.map((c) => this.rule(c))));
      section.append(h('p', { className: 'why-allowed' }, [`This side allows `, h('code', { text: side.allowed }), '.']));
    }
    for (const skipped of side.skipped) {
      section.append(h('p', { className: 'why-skipped' }, [icon('warning'), ' Ignored: ', this.policyLink(skipped.policy), ` (the API server would reject it: ${skipped.problems.join(' ')})`]));
    }
    return section;
  }

  private rule(c: RuleContributionDto): HTMLLIElement {
    const ruleLink = linkButton(`${c.direction} rule ${c.ruleIndex + 1}`, `Go to ${c.direction}[${c.ruleIndex}] of ${c.policy.id}`, () => this.reveal(c.rule));
    ruleLink.dataset.linkKey = `rule:${c.policy.id}:${c.direction}:${c.ruleIndex}`;
    const peer = c.peer ? linkButton(c.peerText, 'Go to the peer that matches', () => this.reveal(c.peer!)) : h('span', { text: c.peerText });
    if (c.peer) (peer as HTMLElement).dataset.linkKey = `peer:${c.policy.id}:${c.direction}:${c.ruleIndex}`;
    return h('li', {}, [this.policyLink(c.policy), ' › ', ruleLink, ': ', peer, ' — ', h('code', { text: c.connections })]);
  }

  private policyLink(policy: PolicyRefDto): HTMLButtonElement {
    const link = linkButton(policy.id, `Open the policy ${policy.id}`, () => this.reveal(policy.location));
    link.dataset.linkKey = `policy:${policy.id}`;
    return link;
  }
}

function joinNodes(nodes: Node[]): (Node | string)[] {
  return nodes.flatMap((n, i) => (i === 0 ? [n] : [', ', n]));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the server's `self` (PairTraceDto) means, said before the sides it applies to. */
function selfText(self: 'one-pod' | 'replicas'): string {
  const always = "A pod's traffic to itself (loopback and its own IP) is always allowed: no NetworkPolicy can block it.";
  return self === 'one-pod' ? `${always} This is a single pod, so no policy decides anything here.` : `${always} What follows is between two different pods of this workload.`;
}
