/**
 * Which pairs `reach` prints: netpol-analyzer's focus options. A focused workload
 * keeps the pairs it is one end of (repeatable: any of them); a focus peer keeps
 * the pairs whose other end is that peer; a direction keeps traffic into (ingress)
 * or out of (egress) the focused workloads; a focus connection (`tcp-80`) keeps the
 * pairs that allow it and shows only it.
 */
import { connectionsOf, intersectConnections, isNoConnections, isProtocol, type ConnectionSet } from '../ir/connection-set';
import { findNode } from '../evaluate/find-node';
import { portRange } from '../ir/port-set';
import type { ReachEngine, ReachNode } from '../evaluate/reach-engine';

export interface Focus {
  readonly workloads: readonly ReachNode[];
  readonly peer?: ReachNode;
  readonly direction?: 'ingress' | 'egress';
  readonly conn?: ConnectionSet;
}

export interface FocusOptions {
  readonly workloads: readonly string[];
  readonly peer?: string;
  readonly direction?: string;
  readonly conn?: string;
}

export function resolveFocus(engine: ReachEngine, options: FocusOptions): Focus | { error: string } {
  const workloads: ReachNode[] = [];
  for (const name of options.workloads) {
    const found = findNode(engine, name);
    if ('error' in found) return { error: `--focus-workload: ${found.error}` };
    workloads.push(found.node);
  }
  let peer: ReachNode | undefined;
  if (options.peer !== undefined) {
    const found = findNode(engine, options.peer);
    if ('error' in found) return { error: `--focus-peer: ${found.error}` };
    peer = found.node;
  }
  if ((peer || options.direction) && workloads.length === 0) return { error: '--focus-peer and --focus-direction need --focus-workload' };
  let conn: ConnectionSet | undefined;
  if (options.conn !== undefined) {
    conn = parseFocusConn(options.conn);
    if (!conn) return { error: `--focus-conn needs PROTOCOL-PORT, e.g. tcp-80 (got ${options.conn || 'nothing'})` };
  }
  return { workloads, ...(peer && { peer }), ...(options.direction && { direction: options.direction as 'ingress' | 'egress' }), ...(conn && { conn }) };
}

/** `tcp-80` -> TCP port 80. */
function parseFocusConn(text: string): ConnectionSet | undefined {
  const match = /^([a-zA-Z]+)-(\d+)$/.exec(text);
  const protocol = match?.[1]!.toUpperCase();
  const port = Number(match?.[2]);
  if (!protocol || !isProtocol(protocol) || !(port >= 1 && port <= 65535)) return undefined;
  return connectionsOf(protocol, portRange(port));
}

/** Whether the pair is in focus (connections aside). */
export function inFocus(focus: Focus, src: ReachNode, dst: ReachNode): boolean {
  if (focus.workloads.length === 0) return true;
  const out = focus.direction !== 'ingress' && focus.workloads.includes(src) && (!focus.peer || dst === focus.peer);
  const into = focus.direction !== 'egress' && focus.workloads.includes(dst) && (!focus.peer || src === focus.peer);
  return out || into;
}

/** The connections of a pair as the focus shows them; none when the focus connection is not allowed. */
export function focusedConnections(focus: Focus, connections: ConnectionSet): ConnectionSet {
  return focus.conn ? intersectConnections(connections, focus.conn) : connections;
}

export interface FocusedPair {
  readonly src: ReachNode;
  readonly dst: ReachNode;
  readonly connections: ConnectionSet;
}

/**
 * The allowed pairs in focus, in connlist order, as they are found: a connlist of
 * millions of pairs is printed line by line, never held whole.
 */
export function* focusedPairs(engine: ReachEngine, focus: Focus): Iterable<FocusedPair> {
  // Without a focus every allowed pair is printed as the engine gives it.
  if (focus.workloads.length === 0 && !focus.conn) return yield* engine.allowedPairs();
  for (const pair of engine.allowedPairs()) {
    if (!inFocus(focus, pair.src, pair.dst)) continue;
    const connections = focusedConnections(focus, pair.connections);
    if (!isNoConnections(connections)) yield { src: pair.src, dst: pair.dst, connections };
  }
}
