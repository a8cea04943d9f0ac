/**
 * The one argument grammar of every command: `--name value`, `--name=value`, flags
 * without a value, repeatable options, `--` ending the options, `-h`/`--help`.
 * Each command declares its options once; help text and validation come from that.
 */

export interface OptionSpec {
  readonly name: string;
  /** Placeholder of the value (`FORMAT`); absent for a flag. */
  readonly value?: string;
  /** The accepted values, when they are a closed set. */
  readonly choices?: readonly string[];
  readonly repeatable?: boolean;
  readonly help: string;
}

export interface CommandSpec {
  readonly name: string;
  /** Positional arguments as the usage line shows them, e.g. `SRC DST PATH...`. */
  readonly operands: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  /** Fewest positional arguments the command accepts. */
  readonly minOperands: number;
  /** Lines after the options in `--help`: exit statuses, examples. */
  readonly notes?: readonly string[];
}

export interface ParsedArgs {
  readonly operands: readonly string[];
  /** Every value given, in order; a flag given is `['']`. */
  readonly values: ReadonlyMap<string, readonly string[]>;
}

export type ParseOutcome = { readonly args: ParsedArgs } | { readonly help: true } | { readonly error: string };

export function parseArgs(spec: CommandSpec, argv: readonly string[]): ParseOutcome {
  const operands: string[] = [];
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return { help: true };
    if (!arg.startsWith('-') || arg === '-') {
      operands.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq < 0 ? undefined : eq) : '';
    const option = spec.options.find((o) => o.name === name);
    if (!option) return { error: `unknown option ${eq < 0 ? arg : arg.slice(0, eq)}` };
    let value = '';
    if (option.value) {
      const given = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (given === undefined) return { error: `--${name} needs a value (${option.value})` };
      if (option.choices && !option.choices.includes(given)) return { error: `--${name} must be one of ${option.choices.join(', ')} (got ${given || 'nothing'})` };
      value = given;
    } else if (eq >= 0) return { error: `--${name} takes no value` };
    const seen = values.get(name);
    if (seen && !option.repeatable) return { error: `--${name} given twice` };
    values.set(name, [...(seen ?? []), value]);
  }
  if (operands.length < spec.minOperands) return { error: `expected ${spec.operands}` };
  return { args: { operands, values } };
}

/** The last value of an option, or the fallback. */
export function optionValue(args: ParsedArgs, name: string, fallback: string): string;
export function optionValue(args: ParsedArgs, name: string): string | undefined;
export function optionValue(args: ParsedArgs, name: string, fallback?: string): string | undefined {
  return args.values.get(name)?.at(-1) ?? fallback;
}

export function hasFlag(args: ParsedArgs, name: string): boolean {
  return args.values.has(name);
}

export function helpLines(spec: CommandSpec): string[] {
  const lines = [`Usage: netpol-lens ${spec.name} [options] ${spec.operands}`, '', spec.summary, '', 'Options:'];
  const heads = spec.options.map((o) => `--${o.name}${o.value ? ` ${o.choices ? o.choices.join('|') : o.value}` : ''}`);
  const width = Math.max(10, ...heads.map((h) => h.length));
  spec.options.forEach((o, i) => lines.push(`  ${heads[i]!.padEnd(width)}  ${o.help}${o.repeatable ? ' (repeatable)' : ''}`));
  lines.push(`  ${'-h, --help'.padEnd(width)}  print this help`);
  if (spec.notes) lines.push('', ...spec.notes);
  return lines;
}
