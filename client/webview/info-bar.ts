/**
 * The lines under the toolbar: loading and errors, the focused policy, the
 * what-if summary with its list of changed flows, and the policies the engine
 * ignores because the API server would reject them.
 */
import type { FlowChangeDto, SourceLocation } from '../../server/src/protocol';
import { h, icon, linkButton } from './dom';
import type { PanelStore } from './panel-store';

const MAX_LISTED_CHANGES = 200;

export class InfoBar {
  readonly element: HTMLElement;
  /** Open or closed, per section, as the user left it: the bar is rebuilt on every update. */
  private readonly open = new Map<string, boolean>([['whatif', true], ['skipped', false]]);

  constructor(
    private readonly store: PanelStore,
    private readonly reveal: (location: SourceLocation) => void,
    private readonly select: (src: string, dst: string) => void,
    private readonly clearFocus: () => void,
  ) {
    this.element = h('div', { className: 'info', attrs: { role: 'status', 'aria-live': 'polite' } });
  }

  update(): void {
    this.element.replaceChildren(...[this.status(), this.focus(), this.whatIf(), this.skipped()].filter((n): n is HTMLElement => n !== undefined));
  }

  private status(): HTMLElement | undefined {
    const { status, matrix } = this.store;
    if (status.state === 'error') return line('error', 'error', status.message);
    if (status.state === 'loading' && !matrix) return line('loading', 'loading codicon-modifier-spin', status.message);
    if (matrix?.indexing) return line('loading', 'sync', 'Still indexing the workspace: the matrix may be incomplete.');
    if (matrix && matrix.nodes.length === 0) return line('hint', 'info', 'No workloads found: add Deployments, Pods or other workloads beside your policies to see who can reach whom.');
    return undefined;
  }

  private focus(): HTMLElement | undefined {
    const st = this.store;
    if (st.state.focus === 'off') return undefined;
    const f = st.focus;
    const clear = linkButton('Stop focusing', 'Turn focus off', this.clearFocus);
    if (!f?.policy) return line('focus', 'target', 'Focus: put the cursor in a NetworkPolicy to highlight the pods it selects and the flows it allows. ', clear);
    const policy = linkButton(f.policy.id, `Open ${f.policy.id}`, () => this.reveal(f.policy!.location));
    if (f.ignored) return line('focus', 'warning', 'Focused on ', policy, `: ignored, since the API server would reject it (${f.ignored.join(' ')}). It selects ${count(f.selected.length, 'workload')} but allows nothing. `, clear);
    const sides = f.directions.length === 0 ? 'no direction' : f.directions.join(' and ');
    const partial = f.complete ? '' : ' (only flows that the matrix allows are listed: the workspace is large)';
    return line('focus', 'target', 'Focused on ', policy, `: isolates ${count(f.selected.length, 'selected workload')} for ${sides} and allows ${count(f.flows.length, 'flow')}${partial}. `, clear);
  }

  private whatIf(): HTMLElement | undefined {
    if (!this.store.state.whatIf) return undefined;
    const w = this.store.whatIf;
    if (!w) return line('whatif', 'loading codicon-modifier-spin', 'What-if: comparing the open buffers with the saved files…');
    if (w.unsavedFiles.length === 0) return line('whatif', 'diff', 'What-if: no unsaved edits, so the panel matches the saved files.');
    const files = w.unsavedFiles.map((u) => decodeURIComponent(u.slice(u.lastIndexOf('/') + 1))).join(', ');
    const added = w.changes.filter((c) => c.added !== 'No Connections').length;
    const removed = w.changes.filter((c) => c.removed !== 'No Connections').length;
    const summary = line('whatif', 'diff', `What-if: unsaved edits in ${files} add connections to ${count(added, 'pair')} and remove connections from ${count(removed, 'pair')}.`);
    if (w.changes.length === 0) return summary;
    const list = h('ul', { className: 'changes' }, w.changes.slice(0, MAX_LISTED_CHANGES).map((c) => this.change(c)));
    const more = w.changes.length > MAX_LISTED_CHANGES ? [h('p', { text: `…and ${w.changes.length - MAX_LISTED_CHANGES} more.` })] : [];
    return this.details('whatif', [h('summary', {}, [summary]), list, ...more]);
  }

  private change(c: FlowChangeDto): HTMLLIElement {
    const pair = `${c.srcPart ?? c.src} → ${c.dstPart ?? c.dst}`;
    const target = linkButton(pair, 'Show this pair and why', () => this.select(c.src, c.dst));
    const bits: (Node | string)[] = [target];
    if (c.added !== 'No Connections') bits.push(' ', h('span', { className: 'added', text: `+ ${c.added}` }));
    if (c.removed !== 'No Connections') bits.push(' ', h('span', { className: 'removed', text: `− ${c.removed}` }));
    if (c.presence !== 'both') bits.push(h('span', { className: 'note', text: c.presence === 'new' ? ' (new in the buffers)' : ' (gone from the buffers)' }));
    return h('li', {}, bits);
  }

  private skipped(): HTMLElement | undefined {
    const skipped = this.store.matrix?.skippedPolicies ?? [];
    if (skipped.length === 0) return undefined;
    const items = skipped.map((s) => h('li', {}, [linkButton(s.policy.id, `Open ${s.policy.id}`, () => this.reveal(s.policy.location)), `: ${s.problems.join(' ')}`]));
    return this.details('skipped', [h('summary', {}, [icon('warning'), ` ${count(skipped.length, 'policy', 'policies')} ignored: the API server would reject them, so they allow and isolate nothing here.`]), h('ul', {}, items)]);
  }

  private details(section: string, children: Node[]): HTMLDetailsElement {
    const element = h('details', { className: section }, children);
    element.open = this.open.get(section) ?? false;
    element.addEventListener('toggle', () => this.open.set(section, element.open));
    return element;
  }
}

function line(kind: string, codicon: string, ...content: (Node | string)[]): HTMLElement {
  return h('div', { className: `info-line ${kind}` }, [icon(codicon), ' ', ...content]);
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
