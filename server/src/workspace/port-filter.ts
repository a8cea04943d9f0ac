/**
 * The panel's port filter over connection sets: which connections a filter asks
 * about, and how a cell looks through it. A cell is `allowed` when every filtered
 * connection is allowed, `partial` when some are, `denied` when none is.
 */
import { ALL_CONNECTIONS, NO_CONNECTIONS, formatConnections, intersectConnections, isNoConnections, sameConnections, type ConnectionSet, type Protocol } from '../ir/connection-set';
import { ALL_PORTS, NO_PORTS, portRange, type PortSet } from '../ir/port-set';
import type { CellStatus, MatrixCell, PortFilterDto } from '../protocol';
import { cellStatus } from './reach-view';

/**
 * The connections a filter asks about; a port alone means that port on every
 * protocol with ports. A filter names a port or a protocol with ports, so ICMP
 * and the other protocols are outside every filter but the empty one.
 */
export function filterConnections(filter: PortFilterDto | undefined): ConnectionSet {
  if (!filter || (filter.port === undefined && filter.protocol === undefined)) return ALL_CONNECTIONS;
  const ports: PortSet = filter.port === undefined ? ALL_PORTS : portRange(filter.port, Math.max(filter.port, filter.endPort ?? filter.port));
  const pick = (protocol: Protocol): PortSet => (filter.protocol === undefined || filter.protocol === protocol ? ports : NO_PORTS);
  return { ...NO_CONNECTIONS, SCTP: pick('SCTP'), TCP: pick('TCP'), UDP: pick('UDP') };
}

function projectedStatus(set: ConnectionSet, wanted: ConnectionSet): CellStatus {
  if (sameConnections(wanted, ALL_CONNECTIONS)) return cellStatus(set);
  const seen = intersectConnections(set, wanted);
  if (isNoConnections(seen)) return 'denied';
  return sameConnections(seen, wanted) ? 'allowed' : 'partial';
}

/** A matrix cell through a filter: its status relative to the filter, and the allowed part as connlist text. */
export function projectedCell(set: ConnectionSet, wanted: ConnectionSet): MatrixCell {
  return { status: projectedStatus(set, wanted), connections: formatConnections(intersectConnections(set, wanted)) };
}
