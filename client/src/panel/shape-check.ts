/**
 * Tiny runtime shape checks for messages that cross the webview boundary. The
 * panel host and the webview each check what they receive instead of casting,
 * since a message is only a structured-clone of whatever the other side sent.
 * No `vscode` and no DOM here: both sides import this module.
 */

export type Check = (value: unknown) => boolean;

export const isString: Check = (v) => typeof v === 'string';
export const isBoolean: Check = (v) => typeof v === 'boolean';
export const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
export const isIndex: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function literal(...allowed: readonly unknown[]): Check {
  return (v) => allowed.includes(v);
}

export function arrayOf(item: Check, maxLength = Number.MAX_SAFE_INTEGER): Check {
  return (v) => Array.isArray(v) && v.length <= maxLength && v.every(item);
}

export function nullable(check: Check): Check {
  return (v) => v === null || check(v);
}

/** An object with these required and optional properties (others are allowed and ignored). */
export function shape(required: Readonly<Record<string, Check>>, optional: Readonly<Record<string, Check>> = {}): Check {
  // Listed once: a matrix of 20,000 workloads runs these checks on every node.
  const musts = Object.entries(required);
  const mays = Object.entries(optional);
  return (v) => {
    if (!isRecord(v)) return false;
    for (const [key, check] of musts) if (!check(v[key])) return false;
    for (const [key, check] of mays) if (v[key] !== undefined && !check(v[key])) return false;
    return true;
  };
}

/** Checks a message by its `type` tag; unknown tags fail. */
export function tagged(byType: Readonly<Record<string, Check>>): Check {
  return (v) => isRecord(v) && typeof v.type === 'string' && Object.prototype.hasOwnProperty.call(byType, v.type) && byType[v.type]!(v);
}
