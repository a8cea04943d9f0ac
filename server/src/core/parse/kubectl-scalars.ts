/**
 * What kubectl reads from a plain (unquoted) scalar, where that differs from YAML 1.2.
 *
 * kubectl and the API server convert YAML to JSON with a YAML 1.1 reader (go-yaml v2 behind
 * sigs.k8s.io/yaml). Under YAML 1.1, `yes`, `no`, `on`, `off`, `y` and `n` are booleans, a
 * leading `0` makes a number octal (`0120` is 80), `0b1010000` is binary and underscores
 * group digits (`1_000` is 1000). YAML 1.2's core schema, which editors and the `yaml`
 * package use, reads all of these differently. The tree holds kubectl's reading, so every
 * reader (checks, hovers, describe, reachability) agrees with what the cluster stores.
 */

const YAML11_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((s) => [s, true] as const),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((s) => [s, false] as const),
]);

/** go-yaml's float syntax, tried when the text is no integer. */
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * kubectl's value for a plain scalar written as `source`, or undefined when it reads the
 * text as YAML 1.2 does. Only the forms whose two readings differ are answered here.
 */
export function yaml11Reading(source: string): boolean | number | undefined {
  const boolean = YAML11_BOOLEANS.get(source);
  if (boolean !== undefined) return boolean;
  if (!/^[-+]?[0-9]/.test(source)) return undefined;
  const digits = source.replace(/_/g, '');
  const differs = digits !== source || /^[-+]?0[0-7]+$/.test(digits) || /^[-+]?0[bB]/.test(digits);
  if (!differs) return undefined;
  const integer = goInteger(digits);
  if (integer !== undefined) return integer;
  return FLOAT.test(digits) ? Number(digits) : undefined;
}

/** Go's strconv.ParseInt(text, 0, 64) for the values a manifest can use (safe integers). */
function goInteger(text: string): number | undefined {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[-+]/, '');
  const forms: readonly [RegExp, number][] = [
    [/^0[xX]([0-9a-fA-F]+)$/, 16],
    [/^0[oO]([0-7]+)$/, 8],
    [/^0[bB]([01]+)$/, 2],
    [/^0([0-7]*)$/, 8],
    [/^([1-9][0-9]*)$/, 10],
  ];
  for (const [form, radix] of forms) {
    const match = form.exec(body);
    if (!match) continue;
    const value = match[1] === '' ? 0 : parseInt(match[1]!, radix);
    return Number.isSafeInteger(value) ? sign * value : undefined;
  }
  return undefined;
}

/** How kubectl's reading differs, in words for a finding: "the octal number 80". */
export function describeYaml11Reading(source: string, value: boolean | number): string {
  if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  const digits = source.replace(/_/g, '').replace(/^[-+]/, '');
  if (/^0[bB]/.test(digits)) return `the binary number ${value}`;
  if (/^0[0-7]+$/.test(digits)) return `the octal number ${value}`;
  return `the number ${value}`;
}
