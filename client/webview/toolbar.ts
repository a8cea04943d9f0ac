/**
 * The panel's toolbar: matrix or graph, filters (namespace, source, destination,
 * port), external ranges on or off, the what-if and focus toggles, and export.
 * Native controls with labels, so keyboard and screen readers need nothing extra.
 */
import type { PortFilterDto } from '../../server/src/protocol';
import type { FocusMode, PanelFilters, ViewKind } from '../src/webview-protocol';
import { h, icon } from './dom';
import type { PanelStore } from './panel-store';
import { parsePortFilter } from './port-filter-text';

/** A pause in typing a name this long re-filters the grid: at 20,000 workloads a pass (filter, measure, lay out) takes a good part of a second. */
const FILTER_DELAY_MS = 150;

export interface ToolbarActions {
  setView(view: ViewKind): void;
  setFilters(filters: Partial<PanelFilters>): void;
  setPorts(ports: PortFilterDto | null): void;
  setWhatIf(enabled: boolean): void;
  setFocus(mode: FocusMode): void;
  exportSvg(): void;
  exportData(format: 'connlist' | 'json'): void;
}

export class Toolbar {
  readonly element: HTMLElement;
  private readonly viewButtons: Record<ViewKind, HTMLButtonElement>;
  private readonly namespace: HTMLSelectElement;
  private readonly sources: HTMLInputElement;
  private readonly destinations: HTMLInputElement;
  private readonly ports: HTMLInputElement;
  private readonly portError: HTMLSpanElement;
  private readonly external: HTMLInputElement;
  private readonly whatIf: HTMLButtonElement;
  private readonly focus: HTMLButtonElement;
  private groupsKey = '';
  private portTimer = 0;
  private filterTimer = 0;
  /** Name filters typed but not applied yet: a newer keystroke replaces them before their pass runs. */
  private pendingNames: Partial<PanelFilters> = {};

  constructor(
    private readonly store: PanelStore,
    private readonly actions: ToolbarActions,
  ) {
    this.viewButtons = { matrix: this.toggle('table', 'Matrix', () => actions.setView('matrix')), graph: this.toggle('type-hierarchy', 'Graph', () => actions.setView('graph')) };
    this.namespace = h('select', { attrs: { id: 'f-namespace' } });
    this.namespace.addEventListener('change', () => actions.setFilters({ namespace: this.namespace.value }));
    this.sources = this.textInput('f-sources', 'name contains', (v) => this.nameTyped({ sources: v }));
    this.destinations = this.textInput('f-destinations', 'name contains', (v) => this.nameTyped({ destinations: v }));
    // Enter or leaving the field applies what was typed at once.
    for (const input of [this.sources, this.destinations]) input.addEventListener('change', () => this.applyNames());
    this.ports = this.textInput('f-ports', 'e.g. TCP 443', () => this.portsChanged());
    this.portError = h('span', { className: 'field-error', attrs: { id: 'f-ports-error', role: 'status' } });
    this.ports.setAttribute('aria-describedby', 'f-ports-error');
    this.external = h('input', { attrs: { type: 'checkbox', id: 'f-external' } });
    this.external.addEventListener('change', () => actions.setFilters({ external: this.external.checked }));
    this.whatIf = this.toggle('diff', 'What-if', () => actions.setWhatIf(!this.store.state.whatIf), 'Compare the open buffers with the saved files: flows your unsaved edits add (green) or remove (red)');
    this.focus = this.toggle('target', 'Focus', () => actions.setFocus(this.store.state.focus === 'off' ? 'cursor' : 'off'), 'Highlight the pods selected and the flows allowed by the policy under the cursor');
    const exportSvg = this.button('export', 'SVG', 'Export the current view as SVG', () => actions.exportSvg());
    const connlist = this.button('list-flat', 'connlist', 'Export the allowed connections as connlist text', () => actions.exportData('connlist'));
    const json = this.button('json', 'JSON', 'Export the allowed connections with their traces as JSON', () => actions.exportData('json'));
    this.element = h('header', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Reachability view and filters' } }, [
      h('div', { className: 'tb-group segmented', attrs: { role: 'group', 'aria-label': 'View' } }, [this.viewButtons.matrix, this.viewButtons.graph]),
      h('div', { className: 'tb-group filters', attrs: { role: 'group', 'aria-label': 'Filters' } }, [
        field('Namespace', 'f-namespace', this.namespace),
        field('From', 'f-sources', this.sources),
        field('To', 'f-destinations', this.destinations),
        field('Port', 'f-ports', this.ports, this.portError),
        h('label', { className: 'check', attrs: { for: 'f-external' } }, [this.external, ' External ranges']),
      ]),
      h('div', { className: 'tb-group', attrs: { role: 'group', 'aria-label': 'Modes' } }, [this.whatIf, this.focus]),
      h('div', { className: 'tb-group', attrs: { role: 'group', 'aria-label': 'Export' } }, [exportSvg, connlist, json]),
    ]);
  }

  /** Brings controls in line with the store (after a restore, or new namespaces). */
  update(): void {
    const { view, filters, whatIf, focus } = this.store.state;
    for (const kind of ['matrix', 'graph'] as const) this.viewButtons[kind].setAttribute('aria-pressed', String(view === kind));
    this.whatIf.setAttribute('aria-pressed', String(whatIf));
    this.focus.setAttribute('aria-pressed', String(focus === 'cursor'));
    this.syncNamespaces(filters.namespace);
    setIfIdle(this.sources, filters.sources);
    setIfIdle(this.destinations, filters.destinations);
    setIfIdle(this.ports, filters.ports);
    this.external.checked = filters.external;
  }

  /** The port filter as typed, parsed; the caller sends it to the host at start. */
  currentPorts(): PortFilterDto | null {
    const parsed = parsePortFilter(this.store.state.filters.ports);
    return 'filter' in parsed ? parsed.filter : null;
  }

  private syncNamespaces(selected: string): void {
    const groups = this.store.matrix?.groups ?? [];
    const key = groups.map((g) => g.id).join('\n');
    if (key !== this.groupsKey) {
      this.groupsKey = key;
      const options = [h('option', { text: 'All namespaces', attrs: { value: '' } }), ...groups.map((g) => h('option', { text: g.id === 'External' ? 'Outside the cluster' : g.id, attrs: { value: g.id } }))];
      this.namespace.replaceChildren(...options);
    }
    this.namespace.value = groups.some((g) => g.id === selected) ? selected : '';
  }

  private nameTyped(filters: Partial<PanelFilters>): void {
    this.pendingNames = { ...this.pendingNames, ...filters };
    window.clearTimeout(this.filterTimer);
    this.filterTimer = window.setTimeout(() => this.applyNames(), FILTER_DELAY_MS);
  }

  private applyNames(): void {
    window.clearTimeout(this.filterTimer);
    const filters = this.pendingNames;
    this.pendingNames = {};
    if (Object.keys(filters).length > 0) this.actions.setFilters(filters);
  }

  private portsChanged(): void {
    const text = this.ports.value;
    const parsed = parsePortFilter(text);
    const error = 'error' in parsed ? parsed.error : '';
    this.portError.textContent = error;
    this.ports.setAttribute('aria-invalid', String(error !== ''));
    if (error) return;
    this.actions.setFilters({ ports: text });
    // The server recomputes the matrix per filter: wait for a pause in typing.
    window.clearTimeout(this.portTimer);
    this.portTimer = window.setTimeout(() => this.actions.setPorts('filter' in parsed ? parsed.filter : null), 250);
  }

  private textInput(id: string, placeholder: string, onInput: (value: string) => void): HTMLInputElement {
    const input = h('input', { attrs: { type: 'search', id, placeholder, spellcheck: 'false', autocomplete: 'off' } });
    input.addEventListener('input', () => onInput(input.value));
    return input;
  }

  private toggle(codicon: string, text: string, onClick: () => void, title = text): HTMLButtonElement {
    const button = this.button(codicon, text, title, onClick);
    button.setAttribute('aria-pressed', 'false');
    button.classList.add('toggle');
    return button;
  }

  private button(codicon: string, text: string, title: string, onClick: () => void): HTMLButtonElement {
    const button = h('button', { className: 'tb-button', title, attrs: { type: 'button' } }, [icon(codicon), h('span', { text })]);
    button.addEventListener('click', onClick);
    return button;
  }
}

function field(label: string, id: string, control: HTMLElement, ...after: HTMLElement[]): HTMLElement {
  return h('div', { className: 'field' }, [h('label', { text: label, attrs: { for: id } }), control, ...after]);
}

/** Leaves a field alone while the user types in it. */
function setIfIdle(input: HTMLInputElement, value: string): void {
  if (document.activeElement !== input && input.value !== value) input.value = value;
}
