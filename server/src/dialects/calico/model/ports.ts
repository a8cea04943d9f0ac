/**
 * What Calico makes of one entry of `ports` / `notPorts`: a number (`80`), a range
 * written as a string (`"8000:8080"`, both ends included) or a named port
 * (`"http"`, resolved per endpoint). The rules follow Calico's own port parser and
 * validator, so an entry is rejected here exactly when Calico would reject it.
 */
import type { YNode } from '../../../core/parse/yaml-tree';
import { isScalar } from '../../../core/parse/yaml-tree';
import type { CalicoPort } from './types';

const MAX_PORT = 65535;
const PORT_RANGE_TEXT = 'port numbers go from 1 to 65535';

/** Reads a port entry; undefined for entries that are not a whole number or a string (the schema check reports those). */
export function readCalicoPort(node: YNode): CalicoPort | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value !== 'string' && !(typeof node.value === 'number' && Number.isInteger(node.value))) return undefined;
  const raw = { value: node.value, span: node.span };
  return { span: node.span, raw, ...interpretPort(node.value) };
}

type PortMeaning = Omit<CalicoPort, 'span' | 'raw'>;

function interpretPort(value: number | string): PortMeaning {
  if (typeof value === 'number') return single(value, String(value));
  if (/^\d+$/.test(value)) return single(Number(value), value);
  const range = /^(\d+):(\d+)$/.exec(value);
  if (range) return portRange(Number(range[1]), Number(range[2]), value);
  const dashed = /^(\d+)\s*-\s*(\d+)$/.exec(value);
  if (dashed) return { problem: `"${value}" is not a port range: Calico writes ranges with a colon, as in "${dashed[1]}:${dashed[2]}".` };
  const nameProblem = portNameProblem(value);
  if (nameProblem) return { problem: nameProblem };
  return { kind: 'named', name: value };
}

function single(port: number, written: string): PortMeaning {
  if (!Number.isInteger(port) || port < 1 || port > MAX_PORT) return { problem: `Port ${written} is not valid: ${PORT_RANGE_TEXT}.` };
  return { kind: 'single', min: port, max: port };
}

function portRange(min: number, max: number, written: string): PortMeaning {
  if (min < 1 || max < 1 || min > MAX_PORT || max > MAX_PORT) return { problem: `Port range "${written}" is not valid: ${PORT_RANGE_TEXT}.` };
  if (min > max) return { problem: `Port range "${written}" is reversed: the first port must not be greater than the second.` };
  return { kind: 'range', min, max };
}

/** A named port must be a valid Kubernetes port name (an IANA service name). */
function portNameProblem(name: string): string | undefined {
  const rules = 'a port name has 1 to 15 characters: lower-case letters, digits and "-", at least one letter, and no "-" at either end or twice in a row';
  const valid = name.length >= 1 && name.length <= 15 && /^[a-z0-9-]+$/.test(name) && /[a-z]/.test(name) && !name.startsWith('-') && !name.endsWith('-') && !name.includes('--');
  return valid ? undefined : `"${name}" is not a valid port: it is neither a number, a range such as "8000:8080", nor a named port (${rules}).`;
}
