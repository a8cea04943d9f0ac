/**
 * The reachability panel's page. It renders what the extension host sends (the
 * server's matrix, traces, what-if and focus results) and sends back what the
 * user asks for; it computes nothing about Kubernetes. Messages are checked
 * against client/src/webview-protocol.ts before anything reads them.
 */
import type { SourceLocation } from '../../server/src/protocol';
import { isHostMessage, isPanelState, type HostMessage, type SimulatedAction } from '../src/webview-protocol';
import { h, icon } from './dom';
import { GraphView } from './graph-view';
import { InfoBar } from './info-bar';
import { MatrixView } from './matrix-view';
import { DEFAULT_STATE, PanelStore, type Topic } from './panel-store';
import { renderReport } from './render-report';
import { graphSvg, matrixSvg } from './svg-export';
import { Toolbar } from './toolbar';
import { TraceView } from './trace-view';
import { HostChannel } from './vscode-api';

const channel = new HostChannel();
const saved = channel.savedState();
const store = new PanelStore(isPanelState(saved) ? saved : DEFAULT_STATE);

const reveal = (location: SourceLocation): void => channel.post({ type: 'reveal', location });
let explainedVersion = -1;
const open = (src: string, dst: string): void => {
  store.select({ src, dst });
  explainedVersion = store.matrix?.version ?? -1;
  channel.post({ type: 'explain', src, dst });
};

const matrix = new MatrixView(store, open);
const graph = new GraphView(store, open, (groups, opened) => store.setGroupsOpen(groups, opened));
const trace = new TraceView(store, reveal);
const info = new InfoBar(store, reveal, (src, dst) => {
  if (store.state.view === 'matrix') matrix.reveal(src, dst);
  open(src, dst);
}, () => setFocus('off'));
const toolbar = new Toolbar(store, {
  setView: (view) => store.setView(view),
  setFilters: (filters) => store.setFilters(filters),
  setPorts: (ports) => channel.post({ type: 'setPorts', ports }),
  setWhatIf: (enabled) => {
    store.setWhatIfEnabled(enabled);
    channel.post({ type: 'setWhatIf', enabled });
  },
  setFocus,
  exportSvg: () => {
    const svg = store.state.view === 'graph' ? (graph.drawing ? graphSvg(graph.drawing) : undefined) : store.matrix ? matrixSvg(store) : undefined;
    if (svg) channel.post({ type: 'exportSvg', svg, name: `reachability-${store.state.view}.svg` });
  },
  exportData: (format) => channel.post({ type: 'exportData', format }),
});

function setFocus(mode: 'off' | 'cursor'): void {
  store.setFocus(mode, mode === 'off' ? null : store.focus);
  channel.post({ type: 'setFocus', mode });
}

const legend = h('footer', { className: 'legend', attrs: { 'aria-label': 'Legend' } }, [
  h('span', { className: 'legend-item kind-allowed' }, [icon('pass-filled'), ' all connections']),
  h('span', { className: 'legend-item kind-partial' }, [icon('circle-large-filled'), ' some ports']),
  h('span', { className: 'legend-item kind-denied' }, [icon('circle-slash'), ' denied']),
  h('span', { className: 'legend-item change-added' }, [icon('diff-added'), ' added by unsaved edits']),
  h('span', { className: 'legend-item change-removed' }, [icon('diff-removed'), ' removed by unsaved edits']),
  h('span', { className: 'legend-item focus' }, [h('span', { className: 'swatch' }), ' focused policy']),
]);
const viewHost = h('section', { className: 'view', attrs: { 'aria-label': 'Reachability' } }, [matrix.element, graph.element]);
document.body.append(h('div', { className: 'panel' }, [toolbar.element, info.element, h('main', { className: 'content' }, [viewHost, trace.element]), legend]));

let restoredScroll = false;
let reportTimer = 0;

store.subscribe((topics) => render(topics));

function render(topics: ReadonlySet<Topic>): void {
  const isGraph = store.state.view === 'graph';
  matrix.element.hidden = isGraph;
  graph.element.hidden = !isGraph;
  toolbar.update();
  if (store.matrix) {
    if (isGraph) graph.update();
    else matrix.update();
    if (!restoredScroll && !isGraph) {
      restoredScroll = true;
      if (store.state.scroll) matrix.restoreScroll(store.state.scroll.top, store.state.scroll.left);
    }
  }
  if (topics.has('matrix')) refreshSelection();
  trace.update();
  info.update();
  channel.saveState(store.state);
  scheduleReport();
}

/** After a live update: drop a pair that no longer exists, and re-trace one that does. */
function refreshSelection(): void {
  const sel = store.state.selection;
  const m = store.matrix;
  if (!sel || !m) return;
  if (!store.nodeIndex.has(sel.src) || !store.nodeIndex.has(sel.dst)) store.select(undefined);
  else if (m.version !== explainedVersion) open(sel.src, sel.dst);
}

function scheduleReport(): void {
  window.clearTimeout(reportTimer);
  reportTimer = window.setTimeout(() => {
    void graph.ready.then(() => channel.post({ type: 'rendered', report: renderReport(store, matrix, graph, trace) }));
  }, 30);
}

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'matrix':
      return store.setMatrix(message.matrix);
    case 'status':
      return store.setStatus({ state: message.state, message: message.message });
    case 'trace':
      return store.setTrace({ src: message.src, dst: message.dst, result: message.result });
    case 'whatIf':
      return store.setWhatIf(message.result);
    case 'focus':
      return store.setFocus(message.mode, message.result);
    case 'test.simulate':
      return simulate(message.action);
  }
}

/** The test API's clicks: real DOM clicks on the elements a user would click. */
function simulate(action: SimulatedAction): void {
  if (action.kind === 'setView') store.setView(action.view);
  else if (action.kind === 'clickCell') {
    if (store.state.view === 'graph') graph.edgeElement(action.src, action.dst)?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    else matrix.cellElement(action.src, action.dst)?.click();
  } else trace.findLink(action.policy, action.direction, action.ruleIndex)?.click();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) receive(event.data);
  else console.warn('netpol-lens panel: ignored a message of unexpected shape');
});

render(new Set());
channel.post({ type: 'ready', state: store.state, ports: toolbar.currentPorts() });
