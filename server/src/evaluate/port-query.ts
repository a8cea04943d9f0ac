/** `--port 8080/TCP` (or `TCP/8080`, or `8080` meaning TCP) for `netpol-lens why`. */
import { isProtocol, type Protocol } from '../ir/connection-set';
import { MAX_PORT, MIN_PORT } from '../ir/port-set';

export interface PortQuery {
  readonly port: number;
  readonly protocol: Protocol;
}

export function parsePortQuery(text: string): PortQuery | undefined {
  const parts = text.split('/');
  if (parts.length > 2) return undefined;
  const numberPart = parts.find((p) => /^\d+$/.test(p));
  const protocolPart = parts.length === 2 ? parts.find((p) => p !== numberPart)?.toUpperCase() : 'TCP';
  if (numberPart === undefined || protocolPart === undefined || !isProtocol(protocolPart)) return undefined;
  const port = Number(numberPart);
  return port >= MIN_PORT && port <= MAX_PORT ? { port, protocol: protocolPart } : undefined;
}
