/**
 * Renders the small values fixes insert (a DNS rule, an except list, a policy) as
 * YAML lines in a given style: block lines at a column, or one flow collection. Only
 * what fixes need: maps with string keys, lists, strings and numbers.
 */
import type { YamlStyle } from './yaml-style';

export type RValue = string | number | readonly RValue[] | RMap;
export interface RMap {
  readonly [key: string]: RValue;
}

/** Key order is insertion order; keys are plain identifiers or label keys. */
function entries(map: RMap): [string, RValue][] {
  return Object.entries(map);
}

function isList(value: RValue): value is readonly RValue[] {
  return Array.isArray(value);
}

function isMapValue(value: RValue): value is RMap {
  return typeof value === 'object' && !Array.isArray(value);
}

const YAML_NUMBER = /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^0x[0-9a-fA-F]+$|^0o[0-7]+$/;
const YAML_RESERVED = /^(true|false|null|~|yes|no|on|off|y|n)$/i;
const PLAIN_SAFE = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

/**
 * A string as a scalar: plain when every YAML reader (1.1 and 1.2) reads it back as
 * the same string, otherwise double-quoted. `quote` forces a quote style to match
 * neighbouring values; JSON files always get double quotes.
 */
export function scalarText(value: string | number, options: { json?: boolean; quote?: '"' | "'" } = {}): string {
  if (typeof value === 'number') return String(value);
  if (options.json) return JSON.stringify(value);
  if (options.quote === "'") return `'${value.replace(/'/g, "''")}'`;
  if (options.quote === '"') return JSON.stringify(value);
  const plain = PLAIN_SAFE.test(value) && !YAML_NUMBER.test(value) && !YAML_RESERVED.test(value);
  return plain ? value : JSON.stringify(value);
}

/** Flow style on one line: `{to: [{...}], ports: [...]}`. */
export function renderFlow(value: RValue, json = false): string {
  if (isList(value)) return `[${value.map((v) => renderFlow(v, json)).join(', ')}]`;
  if (isMapValue(value)) return `{${entries(value).map(([k, v]) => `${scalarText(k, { json })}: ${renderFlow(v, json)}`).join(', ')}}`;
  return scalarText(value, { json });
}

function spaces(n: number): string {
  return ' '.repeat(n);
}

/** Block lines (no line endings) for the entries of a map whose keys sit at `column`. */
export function mapLines(map: RMap, column: number, style: YamlStyle, quote?: '"' | "'"): string[] {
  const lines: string[] = [];
  for (const [key, value] of entries(map)) {
    const head = `${spaces(column)}${scalarText(key)}:`;
    if (isList(value) && value.length > 0) lines.push(head, ...seqLines(value, column + style.seqOffset, style, quote));
    else if (isMapValue(value) && entries(value).length > 0) lines.push(head, ...mapLines(value, column + style.indent, style, quote));
    else lines.push(`${head} ${isList(value) || isMapValue(value) ? renderFlow(value) : scalarText(value, { quote })}`);
  }
  return lines;
}

/** Block lines for list items whose dashes sit at `dashColumn`. */
export function seqLines(items: readonly RValue[], dashColumn: number, style: YamlStyle, quote?: '"' | "'"): string[] {
  const lines: string[] = [];
  const dash = `${spaces(dashColumn)}-${spaces(style.dashGap - 1)}`;
  for (const item of items) {
    if (isMapValue(item) && entries(item).length > 0) {
      const body = mapLines(item, dashColumn + style.dashGap, style, quote);
      lines.push(dash + body[0]!.trimStart(), ...body.slice(1));
    } else {
      lines.push(dash + (isList(item) || isMapValue(item) ? renderFlow(item) : scalarText(item, { quote })));
    }
  }
  return lines;
}
