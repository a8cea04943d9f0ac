/**
 * The messages between the reachability panel's host (client/src/panel) and its
 * webview (client/webview), each declared once here with its direction, plus the
 * checks each side runs on what it receives. No `vscode` and no DOM: both sides
 * import this module. Server data keeps the shapes of server/src/protocol.ts.
 *
 *   host -> webview   matrix, status, trace, whatIf, focus, test.simulate
 *   webview -> host   ready, setPorts, explain, reveal, setWhatIf, setFocus, exportSvg, exportData, rendered
 */
import type { CellStatus, ExplainConnectionResult, MatrixNode, PolicyFocusResult, PortFilterDto, ReachabilityMatrixResult, SourceLocation, WhatIfResult } from '../../server/src/protocol';
import { matrixNodes } from '../../server/src/matrix-node-table';
import { arrayOf, isBoolean, isIndex, isNumber, isString, literal, nullable, shape, tagged, type Check } from './panel/shape-check';

export const PANEL_VIEW_TYPE = 'netpolLens.reachability';

export type ViewKind = 'matrix' | 'graph';
/** `cursor`: the panel follows the policy under the cursor of the last YAML editor. */
export type FocusMode = 'off' | 'cursor';

export interface PanelFilters {
  /** A namespace (a group id of the matrix), or '' for all. */
  readonly namespace: string;
  /** Case-insensitive text a source's id must contain; '' for all. */
  readonly sources: string;
  readonly destinations: string;
  /** As typed: `TCP 80`, `8080-8090`, `udp/53`, `SCTP`; parsed by parsePortFilter. */
  readonly ports: string;
  /** Whether external address ranges are shown. */
  readonly external: boolean;
}

export interface PairRef {
  readonly src: string;
  readonly dst: string;
}

/** What the webview keeps with vscode.setState; a revived panel starts from it. */
export interface PanelState {
  readonly view: ViewKind;
  readonly filters: PanelFilters;
  readonly selection?: PairRef;
  readonly whatIf: boolean;
  readonly focus: FocusMode;
  readonly scroll?: { readonly top: number; readonly left: number };
  /** Namespaces (group ids) the graph shows opened into their workloads, when it shows namespaces. */
  readonly openGroups?: readonly string[];
}

/**
 * The matrix as the webview receives it: as the server sent it, the nodes as a table
 * (server/src/matrix-node-table.ts), distinct cells once in `palette` and the cells as
 * runs of palette indexes, row by row, never one entry per cell: 20,000 workloads are
 * 400 million cells, but a few hundred thousand runs. The webview reads cells from the
 * runs (client/webview/matrix-cells.ts) and its nodes from the table (ShownMatrix).
 */
export interface PanelMatrix extends Pick<ReachabilityMatrixResult, 'version' | 'indexing' | 'nodes' | 'groups' | 'palette' | 'skippedPolicies'> {
  /**
   * The server's `cellRuns`, `[palette index, count, ...]`, as a typed array: VS Code
   * carries typed arrays to a webview as binary (engines 1.57+), where a list of millions
   * of numbers would be serialised as JSON and cloned number by number (half a second
   * at 20,000 workloads). A count never exceeds 2³² - 1; a longer run is sent as several.
   */
  readonly cellRuns: Uint32Array;
  /** The port filter the cells were computed through, if any. */
  readonly ports?: PortFilterDto;
}

/** The matrix as the webview holds it: its nodes read from the table, as objects. */
export interface ShownMatrix extends Omit<PanelMatrix, 'nodes'> {
  readonly nodes: readonly MatrixNode[];
}

/** The matrix with its nodes read from the table; call it on a message isPanelMatrix accepted. */
export function shownMatrix(matrix: PanelMatrix): ShownMatrix {
  const nodes = matrixNodes(matrix.nodes, matrix.groups);
  if (!nodes) throw new Error('The matrix has a malformed node table.');
  return { ...matrix, nodes };
}

export type SimulatedAction =
  | { readonly kind: 'clickCell'; readonly src: string; readonly dst: string }
  | { readonly kind: 'clickTraceLink'; readonly policy: string; readonly direction?: 'ingress' | 'egress'; readonly ruleIndex?: number }
  | { readonly kind: 'setView'; readonly view: ViewKind };

export type HostMessage =
  | { readonly type: 'matrix'; readonly matrix: PanelMatrix }
  | { readonly type: 'status'; readonly state: 'loading' | 'ready' | 'error'; readonly message: string }
  | { readonly type: 'trace'; readonly src: string; readonly dst: string; readonly result: ExplainConnectionResult }
  | { readonly type: 'whatIf'; readonly result: WhatIfResult | null }
  | { readonly type: 'focus'; readonly mode: FocusMode; readonly result: PolicyFocusResult | null }
  /** Tests only (through the extension's test API): performs a real DOM click or view switch. */
  | { readonly type: 'test.simulate'; readonly action: SimulatedAction };

export interface RenderedCell extends PairRef {
  readonly status: CellStatus | 'self' | 'none';
  readonly label: string;
}

/** What the webview drew last, read back from its DOM: for the extension's test API and nothing else. */
export interface RenderReport {
  readonly version: number;
  readonly view: ViewKind;
  readonly rows: readonly string[];
  readonly cols: readonly string[];
  /** The cells in the DOM (the visible window of the grid). */
  readonly cells: readonly RenderedCell[];
  readonly edges: number;
  readonly trace?: PairRef & { readonly links: readonly string[] };
  readonly focus?: string;
  readonly changes: number;
}

export type WebviewMessage =
  /** The page loaded (first time, after a reload or when shown again): send everything. */
  | { readonly type: 'ready'; readonly state: PanelState; readonly ports: PortFilterDto | null }
  | { readonly type: 'setPorts'; readonly ports: PortFilterDto | null }
  | { readonly type: 'explain'; readonly src: string; readonly dst: string }
  | { readonly type: 'reveal'; readonly location: SourceLocation }
  | { readonly type: 'setWhatIf'; readonly enabled: boolean }
  | { readonly type: 'setFocus'; readonly mode: FocusMode }
  | { readonly type: 'exportSvg'; readonly svg: string; readonly name: string }
  | { readonly type: 'exportData'; readonly format: 'connlist' | 'json' }
  | { readonly type: 'rendered'; readonly report: RenderReport };

// ---- checks ---------------------------------------------------------------------------

const MAX_EXPORT_CHARS = 64 * 1024 * 1024;
const MAX_ID = 4096;
const boundedString: Check = (v) => typeof v === 'string' && v.length <= MAX_ID;
const isStatus = literal('allowed', 'partial', 'denied');
const isProtocol = literal('TCP', 'UDP', 'SCTP');
const isDirection = literal('ingress', 'egress');
const isView = literal('matrix', 'graph');
const isFocusMode = literal('off', 'cursor');
const isPosition = shape({ line: isIndex, character: isIndex });
export const isLocation = shape({ uri: isString, range: shape({ start: isPosition, end: isPosition }) });
const isPolicyRef = shape({ id: isString, location: isLocation });
const isSkipped = shape({ policy: isPolicyRef, problems: arrayOf(isString) });
const isCell = shape({ status: isStatus, connections: isString }, { note: isString });
export const isPortFilter = shape({}, { protocol: isProtocol, port: isPortNumber, endPort: isPortNumber });
const isPair = shape({ src: boundedString, dst: boundedString });
const isFilters = shape({ namespace: isString, sources: isString, destinations: isString, ports: isString, external: isBoolean });
const isPanelStateCheck = shape({ view: isView, filters: isFilters, whatIf: isBoolean, focus: isFocusMode }, { selection: isPair, scroll: shape({ top: isNumber, left: isNumber }), openGroups: arrayOf(boundedString, 200) });

function isPortNumber(v: unknown): boolean {
  return isIndex(v) && (v as number) >= 1 && (v as number) <= 65535;
}

const isNodeTable = shape({ ids: arrayOf(isString), labels: arrayOf(isString), kinds: arrayOf(isString), kindOf: arrayOf(isNumber), files: arrayOf(isString), sources: arrayOf(isNumber) });
const isGroup = shape({ id: isString, label: isString, nodes: arrayOf(isIndex) });
const isContribution = shape({ policy: isPolicyRef, direction: isDirection, ruleIndex: isIndex, rule: isLocation, peerText: isString, connections: isString }, { peer: isLocation });
const isSide = shape({
  direction: isDirection,
  subject: isString,
  status: literal('external', 'not-isolated', 'isolated'),
  allowed: isString,
  isolatedBy: arrayOf(isPolicyRef),
  allowedBy: arrayOf(isContribution),
  skipped: arrayOf(isSkipped),
});
const isTrace = shape({ src: isString, dst: isString, status: isStatus, connections: isString, egress: isSide, ingress: isSide }, { self: literal('one-pod', 'replicas') });
const isExplainResult = shape({ text: arrayOf(isString) }, { trace: isTrace, error: isString });
const isChange = shape({ src: isString, dst: isString, presence: literal('both', 'new', 'gone'), before: isCell, after: isCell, added: isString, removed: isString }, { srcPart: isString, dstPart: isString });
const isWhatIf = shape({ version: isNumber, unsavedFiles: arrayOf(isString), changes: arrayOf(isChange) });
const isFlow = shape({ src: isString, dst: isString, direction: isDirection, rules: arrayOf(isIndex), allowed: isString, effective: isString });
const isFocus = shape({ version: isNumber, directions: arrayOf(isDirection), selected: arrayOf(isString), flows: arrayOf(isFlow), complete: isBoolean }, { policy: isPolicyRef, ignored: arrayOf(isString) });

/** The matrix's own consistency too: every group index and palette index must point at something. */
export function isPanelMatrix(v: unknown): v is PanelMatrix {
  const base = shape(
    { version: isNumber, indexing: isBoolean, nodes: isNodeTable, groups: arrayOf(isGroup), palette: arrayOf(isCell), cellRuns: (v) => v instanceof Uint32Array, skippedPolicies: arrayOf(isSkipped) },
    { ports: isPortFilter },
  );
  if (!base(v)) return false;
  const m = v as PanelMatrix;
  const n = m.nodes.ids.length;
  // Every node in one group, every index pointing at something (matrixNodes reads the table so).
  return matrixNodes(m.nodes, m.groups) !== undefined && runsHold(m.cellRuns, n * n, m.palette.length);
}

/**
 * Whether `runs` (`[palette index, count, ...]`) are exactly `total` cells of indexes
 * below `paletteSize`; checked without expanding them.
 */
export function runsHold(runs: ArrayLike<unknown>, total: number, paletteSize: number): boolean {
  if (runs.length % 2 !== 0) return false;
  let cells = 0;
  for (let i = 0; i < runs.length; i += 2) {
    const index = runs[i];
    const count = runs[i + 1];
    if (typeof index !== 'number' || typeof count !== 'number' || !Number.isInteger(index) || index < 0 || index >= paletteSize || !Number.isInteger(count) || count < 1) return false;
    cells += count;
    if (cells > total) return false;
  }
  return cells === total;
}

function isSimulatedAction(v: unknown): boolean {
  if (!shape({ kind: isString })(v)) return false;
  const action = v as { kind: string };
  if (action.kind === 'clickCell') return isPair(v);
  if (action.kind === 'clickTraceLink') return shape({ policy: isString }, { direction: isDirection, ruleIndex: isIndex })(v);
  return action.kind === 'setView' && shape({ view: isView })(v);
}

const hostChecks = tagged({
  matrix: (v) => isPanelMatrix((v as { matrix?: unknown }).matrix),
  status: shape({ state: literal('loading', 'ready', 'error'), message: isString }),
  trace: shape({ src: isString, dst: isString, result: isExplainResult }),
  whatIf: shape({ result: nullable(isWhatIf) }),
  focus: shape({ mode: isFocusMode, result: nullable(isFocus) }),
  'test.simulate': shape({ action: isSimulatedAction }),
});

const isRenderedCell = shape({ src: isString, dst: isString, status: isString, label: isString });
const isReport = shape({ version: isNumber, view: isView, rows: arrayOf(isString), cols: arrayOf(isString), cells: arrayOf(isRenderedCell), edges: isIndex, changes: isIndex }, { trace: shape({ src: isString, dst: isString, links: arrayOf(isString) }), focus: isString });

const webviewChecks = tagged({
  ready: shape({ state: isPanelState }),
  setPorts: shape({ ports: nullable(isPortFilter) }),
  explain: isPair,
  reveal: shape({ location: isLocation }),
  setWhatIf: shape({ enabled: isBoolean }),
  setFocus: shape({ mode: isFocusMode }),
  exportSvg: shape({ svg: (v) => typeof v === 'string' && v.length <= MAX_EXPORT_CHARS && v.startsWith('<svg'), name: boundedString }),
  exportData: shape({ format: literal('connlist', 'json') }),
  rendered: shape({ report: isReport }),
});

export function isHostMessage(v: unknown): v is HostMessage {
  return hostChecks(v);
}

export function isWebviewMessage(v: unknown): v is WebviewMessage {
  return webviewChecks(v);
}

export function isPanelState(v: unknown): v is PanelState {
  return isPanelStateCheck(v);
}
