/**
 * Words for a matrix cell: the short text inside it, the tooltip with the full
 * connection set, and the screen-reader label. The statuses are the server's;
 * the only things decided here are the diagonal (a workload and itself) and a
 * pair of external ranges, which NetworkPolicy does not govern.
 */
import type { CellStatus, FlowChangeDto, FocusFlowDto, MatrixCell, MatrixNode } from '../../server/src/protocol';

export type CellKind = CellStatus | 'self' | 'none';

export function cellKind(src: MatrixNode, dst: MatrixNode, srcIndex: number, dstIndex: number, cell: MatrixCell): CellKind {
  if (srcIndex === dstIndex) return 'self';
  if (src.kind === 'external' && dst.kind === 'external') return 'none';
  return cell.status;
}

export const KIND_ICON: Readonly<Record<CellKind, string>> = {
  allowed: 'pass-filled',
  partial: 'circle-large-filled',
  denied: 'circle-slash',
  self: 'dash',
  none: 'dash',
};

export const KIND_WORD: Readonly<Record<CellKind, string>> = {
  allowed: 'allowed',
  partial: 'partly allowed',
  denied: 'denied',
  self: 'same workload',
  none: 'not governed by NetworkPolicy',
};

/** The few characters that fit in a cell; the tooltip has the rest. */
export function cellSummary(kind: CellKind, cell: MatrixCell): string {
  if (kind === 'allowed') return cell.connections === 'All Connections' ? 'all' : shorten(cell.connections);
  if (kind === 'partial') return shorten(cell.connections);
  return '';
}

function shorten(connections: string): string {
  const parts = connections.split(',');
  return parts.length > 2 ? `${parts.slice(0, 2).join(',')} +${parts.length - 2}` : connections;
}

export function nodeName(node: MatrixNode): string {
  return node.kind === 'external' ? `${node.label} (external)` : `${node.label} (${node.workloadKind ?? 'workload'} in ${node.namespace ?? node.group})`;
}

export function changeWords(changes: readonly FlowChangeDto[]): string {
  return changes
    .map((c) => {
      const where = c.srcPart || c.dstPart ? ` for ${c.srcPart ?? c.src} to ${c.dstPart ?? c.dst}` : '';
      const parts = [c.added !== 'No Connections' ? `add ${c.added}` : '', c.removed !== 'No Connections' ? `remove ${c.removed}` : ''].filter(Boolean);
      return `Unsaved edits ${parts.join(' and ')}${where}`;
    })
    .join('; ');
}

export function focusWords(flows: readonly FocusFlowDto[]): string {
  return flows.map((f) => `The focused policy's ${f.direction} rule${f.rules.length === 1 ? '' : 's'} ${f.rules.map((r) => r + 1).join(', ')} allow${f.rules.length === 1 ? 's' : ''} ${f.allowed}`).join('; ');
}

/**
 * A workload's diagonal cell carries the server's note (a pod always reaches itself)
 * and the verdict it decided: everything for a bare Pod, the replicas' otherwise.
 */
function selfWords(cell: MatrixCell): string {
  const conns = cell.status === 'denied' ? '' : `: ${cell.connections}`;
  return `${cell.note}; ${KIND_WORD[cell.status]}${conns}`;
}

export function cellLabel(src: MatrixNode, dst: MatrixNode, kind: CellKind, cell: MatrixCell, changes: readonly FlowChangeDto[], flows: readonly FocusFlowDto[]): string {
  const conns = kind === 'allowed' || kind === 'partial' ? `: ${cell.connections}` : kind === 'self' && cell.note ? `: ${selfWords(cell)}` : '';
  const extra = [changes.length > 0 ? changeWords(changes) : '', flows.length > 0 ? focusWords(flows) : ''].filter(Boolean);
  return `From ${src.label} to ${dst.label}, ${KIND_WORD[kind]}${conns}${extra.length ? `. ${extra.join('. ')}` : ''}`;
}

export function cellTooltip(src: MatrixNode, dst: MatrixNode, kind: CellKind, cell: MatrixCell, changes: readonly FlowChangeDto[], flows: readonly FocusFlowDto[]): string {
  const lines = [`${src.id} → ${dst.id}`, kind === 'self' || kind === 'none' ? KIND_WORD[kind] : cell.connections];
  if (kind === 'self' && cell.note) lines.push(selfWords(cell));
  for (const c of changes) lines.push(`${changeWords([c])} (saved: ${c.before.connections})`);
  if (flows.length > 0) lines.push(focusWords(flows));
  if ((kind !== 'self' || cell.note) && kind !== 'none') lines.push('Enter or click: why');
  return lines.join('\n');
}
