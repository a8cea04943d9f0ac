/**
 * Custom LSP methods of NetworkPolicy Lens, shared by the server, the VS Code
 * client and the reachability webview. Each method is declared once here with
 * its direction and its parameter and result types; nothing else spells a
 * method name. Plain types only (no imports), so browser code can use this file.
 *
 *   client -> server  netpolLens/reachabilityMatrix   the matrix for the panel
 *   client -> server  netpolLens/explainConnection    the why-trace of one pair
 *   server -> client  netpolLens/indexStatus          indexing progress and changes
 *   client -> server  netpolLens/portMatrix           the matrix through a port/protocol filter
 *   client -> server  netpolLens/whatIf               flows unsaved buffers add or remove
 *   client -> server  netpolLens/policyFocus          what the policy at a position selects and allows
 *   client -> server  netpolLens/exportReach          connlist or JSON of the workspace
 *   client -> server  netpolLens/recipes              recipe snippets and namespaces for "New Policy from Recipe…"
 */

export type MessageDirection = 'clientToServer' | 'serverToClient';

/** A request declaration. `P` and `R` exist for the type checker only. */
export interface RequestSpec<P, R> {
  readonly kind: 'request';
  readonly method: string;
  readonly direction: MessageDirection;
  /** Never set: carries the types to `sendRequest`/`onRequest` wrappers. */
  readonly types?: { readonly params: P; readonly result: R };
}

export interface NotificationSpec<P> {
  readonly kind: 'notification';
  readonly method: string;
  readonly direction: MessageDirection;
  readonly types?: { readonly params: P };
}

export type ParamsOf<T> = T extends RequestSpec<infer P, unknown> ? P : T extends NotificationSpec<infer P> ? P : never;
export type ResultOf<T> = T extends RequestSpec<unknown, infer R> ? R : never;

// ---- shared shapes ----------------------------------------------------------------

/** 0-based line and UTF-16 character, as in LSP. */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

export interface SourceLocation {
  readonly uri: string;
  readonly range: { readonly start: TextPosition; readonly end: TextPosition };
}

export interface PolicyRefDto {
  /** `namespace/name`. */
  readonly id: string;
  readonly location: SourceLocation;
  /** Where the policy sits in its dialect's evaluation order (kind, tier, order), as the dialect says it. */
  readonly evaluationOrder?: Readonly<Record<string, unknown>>;
}

export interface RuleContributionDto {
  readonly policy: PolicyRefDto;
  readonly direction: 'ingress' | 'egress';
  /** 0-based position in the policy's ingress or egress list. */
  readonly ruleIndex: number;
  readonly rule: SourceLocation;
  readonly peer?: SourceLocation;
  /** e.g. `from pods with app=web in namespace shop`. */
  readonly peerText: string;
  /** connlist text of what this rule allows for the pair. */
  readonly connections: string;
  /** For rules of ordered policies: the action that decided (rules of additive policies only allow). */
  readonly action?: 'Allow' | 'Deny' | 'Pass' | 'Log';
}

export interface SideTraceDto {
  readonly direction: 'ingress' | 'egress';
  readonly subject: string;
  /** `external`: outside the cluster; `not-isolated`: no policy selects it; `isolated`: only rules allow. */
  readonly status: 'external' | 'not-isolated' | 'isolated';
  readonly allowed: string;
  readonly isolatedBy: readonly PolicyRefDto[];
  readonly allowedBy: readonly RuleContributionDto[];
  readonly skipped: readonly { readonly policy: PolicyRefDto; readonly problems: readonly string[] }[];
  /** Ordered evaluation in tiers: what reached the end of each tier undecided, and how the tier ended it. */
  readonly tierEnds?: readonly { readonly tier: string; readonly action: 'Deny' | 'Pass'; readonly connections: string }[];
  /** Ordered evaluation: what passed every tier and was allowed by the endpoint's profile. */
  readonly profile?: string;
}

export interface PairTraceDto {
  readonly src: string;
  readonly dst: string;
  readonly status: CellStatus;
  /** connlist text: `All Connections`, `TCP 80,UDP 53`, or `No Connections`. */
  readonly connections: string;
  readonly egress: SideTraceDto;
  readonly ingress: SideTraceDto;
  /** A workload and itself: `one-pod` (a bare Pod, always allowed) or `replicas` (the trace is between two of its pods). */
  readonly self?: 'one-pod' | 'replicas';
}

/** allowed: all connections; partial: some protocols or ports; denied: none. */
export type CellStatus = 'allowed' | 'partial' | 'denied';

// ---- netpolLens/reachabilityMatrix ------------------------------------------------

export interface ReachabilityMatrixParams {
  /** Include a trace for every cell (up to `traceLimit` cells; default false). */
  readonly includeTraces?: boolean;
  /** At most this many traces (default 10,000); beyond it use netpolLens/explainConnection. */
  readonly traceLimit?: number;
}

export interface MatrixNode {
  /** `namespace/name[Kind]` or `first-last[External]`: the ids the CLI prints. */
  readonly id: string;
  /** Short label for a header: the workload name, or the address range. */
  readonly label: string;
  readonly kind: 'workload' | 'external';
  /** Id of its group in `groups`. */
  readonly group: string;
  readonly workloadKind?: string;
  readonly namespace?: string;
  readonly location?: SourceLocation;
}

/**
 * The nodes of a matrix, column by column, in matrix order (rows and columns alike): each
 * file and workload kind once, a node's range as numbers. Read it back as MatrixNode
 * objects with `matrixNodes` (matrix-node-table.ts); a node's group is the one of
 * `groups` that lists it.
 */
export interface MatrixNodeTable {
  /** Per node, its id; '' for a workload whose id is `group/label[kind]` (every workload the engine names). */
  readonly ids: readonly string[];
  readonly labels: readonly string[];
  /** The workload kinds, each once. */
  readonly kinds: readonly string[];
  /** Per node, its workload kind's index in `kinds`; -1 for an external address range. */
  readonly kindOf: readonly number[];
  /** The files the workloads are read from, each once. */
  readonly files: readonly string[];
  /** Per node five numbers: its file's index in `files` (-1: none), then its range's start line, start character, end line and end character (0-based). */
  readonly sources: readonly number[];
}

export interface MatrixGroup {
  /** A namespace name, or `External`. */
  readonly id: string;
  readonly label: string;
  /** Indices into `nodes`, in order. */
  readonly nodes: readonly number[];
}

export interface MatrixCell {
  readonly status: CellStatus;
  readonly connections: string;
  /**
   * Only on the diagonal of a workload: a bare Pod's cell is allowed, its traffic to
   * itself; a workload of several pods keeps the policies' verdict between two of its
   * pods, and the note says each pod still reaches itself.
   */
  readonly note?: string;
}

export interface ReachabilityMatrixResult {
  /** Bumped on every workspace change; a panel can skip re-rendering an equal version. */
  readonly version: number;
  /** True while the first index of the workspace folders is still running. */
  readonly indexing: boolean;
  /** Rows and columns alike (the matrix is square), sorted by id, workloads grouped by namespace. */
  readonly nodes: MatrixNodeTable;
  readonly groups: readonly MatrixGroup[];
  /** Each distinct cell once. */
  readonly palette: readonly MatrixCell[];
  /**
   * The cells, row by row, as runs of palette indexes: `[index, count, index, count, ...]`,
   * nodes.length² cells in all (workspace/matrix-runs.ts). A workload's diagonal cell
   * carries a `note` (a pod's traffic to itself is always allowed); an external range's is denied.
   */
  readonly cellRuns: readonly number[];
  /** `${row}:${col}` -> trace, when traces were asked for. */
  readonly traces?: Readonly<Record<string, PairTraceDto>>;
  readonly tracesComplete: boolean;
  readonly skippedPolicies: readonly { readonly policy: PolicyRefDto; readonly problems: readonly string[] }[];
}

export const ReachabilityMatrixRequest: RequestSpec<ReachabilityMatrixParams, ReachabilityMatrixResult> = {
  kind: 'request',
  method: 'netpolLens/reachabilityMatrix',
  direction: 'clientToServer',
};

// ---- netpolLens/explainConnection -------------------------------------------------

export interface ExplainConnectionParams {
  /** A node id from the matrix (or anything `netpol-lens why` accepts). */
  readonly src: string;
  readonly dst: string;
  readonly port?: { readonly port: number; readonly protocol: 'TCP' | 'UDP' | 'SCTP' };
}

export interface ExplainConnectionResult {
  /** Absent when src or dst is unknown; `error` says which. */
  readonly trace?: PairTraceDto;
  /** The trace in plain English, as `netpol-lens why` prints it. */
  readonly text: readonly string[];
  readonly error?: string;
}

export const ExplainConnectionRequest: RequestSpec<ExplainConnectionParams, ExplainConnectionResult> = {
  kind: 'request',
  method: 'netpolLens/explainConnection',
  direction: 'clientToServer',
};

// ---- netpolLens/indexStatus ---------------------------------------------------------

export interface IndexStatusParams {
  readonly state: 'indexing' | 'ready';
  readonly files: number;
  /** Policy objects of every dialect in those files (the status bar shows it). */
  readonly policies: number;
  /** The workspace version the status describes; equal to ReachabilityMatrixResult.version. */
  readonly version: number;
}

export const IndexStatusNotification: NotificationSpec<IndexStatusParams> = {
  kind: 'notification',
  method: 'netpolLens/indexStatus',
  direction: 'serverToClient',
};

// ==== The reachability panel ========================================================
// Requests the panel (client/src/panel, client/webview) needs beyond the matrix and
// the trace. Handlers: server/src/lsp/handlers/panel-*.ts.
//
//   client -> server  netpolLens/portMatrix     the matrix seen through a port filter
//   client -> server  netpolLens/whatIf         flows the unsaved buffers add or remove
//   client -> server  netpolLens/policyFocus    pods and flows of the policy at a position
//   client -> server  netpolLens/exportReach    connlist or JSON text, as the CLI prints it
//   code lens command netpolLens.showReachability (uri, position) above each policy

/** A port filter: a protocol, a port or port range, or both (a port alone means any protocol). */
export interface PortFilterDto {
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
  readonly port?: number;
  /** With `port`: the last port of the range. */
  readonly endPort?: number;
}

// ---- netpolLens/portMatrix ----------------------------------------------------------

export interface PortMatrixParams {
  readonly ports: PortFilterDto;
}

/**
 * The matrix restricted to the filtered connections: a cell is `allowed` when all of
 * them are allowed, `partial` when some are, `denied` when none is; `connections`
 * lists the allowed part only.
 */
export const PortMatrixRequest: RequestSpec<PortMatrixParams, ReachabilityMatrixResult> = {
  kind: 'request',
  method: 'netpolLens/portMatrix',
  direction: 'clientToServer',
};

// ---- netpolLens/whatIf --------------------------------------------------------------

export interface WhatIfParams {
  /** Compare through this port filter only. */
  readonly ports?: PortFilterDto;
}

export interface FlowChangeDto {
  /** Node ids: as they are now, or as they were on disk for a workload the buffers removed. */
  readonly src: string;
  readonly dst: string;
  /** For an external node: the part of its range this change is about, when narrower than the node. */
  readonly srcPart?: string;
  readonly dstPart?: string;
  /** `new`: an end exists only in the buffers; `gone`: only in the saved files. */
  readonly presence: 'both' | 'new' | 'gone';
  /** The pair on disk and in the buffers. */
  readonly before: MatrixCell;
  readonly after: MatrixCell;
  /** connlist text of what the buffers add and remove (`No Connections` when nothing). */
  readonly added: string;
  readonly removed: string;
}

export interface WhatIfResult {
  /** The workspace version of the buffers side. */
  readonly version: number;
  /** Files whose open buffer differs from the saved file. */
  readonly unsavedFiles: readonly string[];
  /** Ordered by source id, then destination id. */
  readonly changes: readonly FlowChangeDto[];
}

export const WhatIfRequest: RequestSpec<WhatIfParams, WhatIfResult> = {
  kind: 'request',
  method: 'netpolLens/whatIf',
  direction: 'clientToServer',
};

// ---- netpolLens/policyFocus ---------------------------------------------------------

export interface PolicyFocusParams {
  readonly uri: string;
  readonly position: TextPosition;
}

export interface FocusFlowDto {
  readonly src: string;
  readonly dst: string;
  /** The side of the policy that allows it. */
  readonly direction: 'ingress' | 'egress';
  /** 0-based indices of the policy's rules that allow it. */
  readonly rules: readonly number[];
  /** connlist text of what the policy's rules allow for the pair. */
  readonly allowed: string;
  /** What of that really flows (the other side may deny it): `No Connections` when nothing. */
  readonly effective: string;
}

export interface PolicyFocusResult {
  readonly version: number;
  /** Absent when no NetworkPolicy is at the position. */
  readonly policy?: PolicyRefDto;
  /** Why the API server would reject the policy; it then selects pods but allows nothing. */
  readonly ignored?: readonly string[];
  /** The directions the policy isolates its pods in. */
  readonly directions: readonly ('ingress' | 'egress')[];
  /** Ids of the workloads the policy selects. */
  readonly selected: readonly string[];
  readonly flows: readonly FocusFlowDto[];
  /** False when the workspace was too large to trace every pair; `flows` then lists the allowed cells only. */
  readonly complete: boolean;
}

export const PolicyFocusRequest: RequestSpec<PolicyFocusParams, PolicyFocusResult> = {
  kind: 'request',
  method: 'netpolLens/policyFocus',
  direction: 'clientToServer',
};

// ---- netpolLens/exportReach ---------------------------------------------------------

export interface ExportReachParams {
  readonly format: 'connlist' | 'json';
  /** The next piece of the export this cursor came from (ExportReachResult.cursor); absent: a new export. */
  readonly cursor?: string;
}

/**
 * A piece of what `netpol-lens reach --format <format>` prints for the workspace: whole
 * lines, a few MB at most (the JSON of 20,000 workloads is gigabytes). Ask again with
 * `cursor` for the next piece; the last piece has none.
 */
export interface ExportReachResult {
  readonly text: string;
  readonly cursor?: string;
  /** Why the export stopped (the workspace changed between pieces): the pieces so far are not a whole export. */
  readonly error?: string;
}

export const ExportReachRequest: RequestSpec<ExportReachParams, ExportReachResult> = {
  kind: 'request',
  method: 'netpolLens/exportReach',
  direction: 'clientToServer',
};

// ---- code lens command ----------------------------------------------------------------

/** The client command the server's code lenses run, with the policy's uri and position. */
export const SHOW_REACHABILITY_COMMAND = 'netpolLens.showReachability';
export type ShowReachabilityArgs = readonly [uri: string, position: TextPosition];

// ---- netpolLens/recipes -------------------------------------------------------------
// client -> server: the recipes of "NetworkPolicy: New Policy from Recipe…", rendered as
// snippets whose placeholders offer the workspace's namespaces and labels.

export interface RecipesParams {
  /** The document the recipe goes into (for future use: its style and namespace). */
  readonly uri?: string;
  /** Render the choices for this namespace (its pods' labels); the busiest namespace when absent. */
  readonly namespace?: string;
}

export interface RecipeDto {
  readonly id: string;
  readonly kind: 'policy' | 'ingress-rule' | 'egress-rule';
  readonly title: string;
  readonly description: string;
  /** VS Code snippet syntax, indented from column 0, `\n` line ends. */
  readonly snippet: string;
}

export interface NamespaceChoiceDto {
  readonly name: string;
  readonly workloads: number;
}

export interface RecipesResult {
  readonly recipes: readonly RecipeDto[];
  /** Namespaces of the workspace, the most workloads first. */
  readonly namespaces: readonly NamespaceChoiceDto[];
  /** The namespace the snippets were rendered for. */
  readonly namespace: string;
}

export const RecipesRequest: RequestSpec<RecipesParams, RecipesResult> = {
  kind: 'request',
  method: 'netpolLens/recipes',
  direction: 'clientToServer',
};

// ---- netpolLens.showReferences (client command) -------------------------------------

/**
 * The client command the navigation code lenses run: VS Code's peek references
 * needs its own Uri/Position/Location objects, so the client converts these.
 */
export const SHOW_REFERENCES_COMMAND = 'netpolLens.showReferences';
export type ShowReferencesArgs = readonly [uri: string, position: TextPosition, locations: readonly SourceLocation[]];
