/**
 * The port filter as the user types it, into the shape the server understands:
 * `80`, `8080-8090`, `TCP`, `udp 53`, `TCP/443`, `443/tcp`. Only the syntax is
 * read here; what a filter means for a connection is the server's business.
 */
import type { PortFilterDto } from '../../server/src/protocol';

export type ParsedPortFilter = { readonly filter: PortFilterDto | null } | { readonly error: string };

const HELP = 'Type a port (80), a range (8080-8090), a protocol (UDP) or both (TCP 443).';

export function parsePortFilter(text: string): ParsedPortFilter {
  const tokens = text.trim().split(/[\s/:,]+/).filter((t) => t !== '');
  if (tokens.length === 0) return { filter: null };
  let protocol: PortFilterDto['protocol'];
  let range: { port: number; endPort?: number } | undefined;
  for (const token of tokens) {
    const upper = token.toUpperCase();
    if ((upper === 'TCP' || upper === 'UDP' || upper === 'SCTP') && !protocol) protocol = upper;
    else if (/^\d{1,5}(-\d{1,5})?$/.test(token) && !range) {
      const [start, end] = token.split('-').map(Number) as [number, number | undefined];
      if (start < 1 || start > 65535 || (end !== undefined && (end < start || end > 65535))) return { error: `${token} is not a port or range of ports between 1 and 65535.` };
      range = end === undefined || end === start ? { port: start } : { port: start, endPort: end };
    } else return { error: HELP };
  }
  return { filter: { ...(protocol && { protocol }), ...range } };
}

/** The filter as a short text, for headings and file names. */
export function describePortFilter(filter: PortFilterDto | undefined | null): string {
  if (!filter) return '';
  const ports = filter.port === undefined ? '' : filter.endPort !== undefined ? `${filter.port}-${filter.endPort}` : `${filter.port}`;
  return [filter.protocol ?? (ports ? 'any protocol' : ''), ports].filter(Boolean).join(' ');
}
