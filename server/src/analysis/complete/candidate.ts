/**
 * A completion candidate as the core computes it: plain data with offsets. The
 * completion service turns it into an LSP CompletionItem with a text edit.
 */
import type { Span } from '../../core/parse/yaml-tree';
import type { CursorPlace } from './yaml-cursor';

export type CandidateKind = 'field' | 'value' | 'label-key' | 'label-value' | 'namespace' | 'port' | 'operator' | 'function' | 'snippet';

export interface CompletionCandidate {
  readonly label: string;
  readonly kind: CandidateKind;
  /** One line beside the label: a count, a type, where a value comes from. */
  readonly detail?: string;
  /** Markdown shown when the item is focused. */
  readonly documentation?: string;
  /** The text inserted over `replace`; a snippet (`$0`, `${1:x}`) when `snippet`. */
  readonly insertText: string;
  readonly snippet: boolean;
  readonly replace: Span;
  /** Order in the list (the client sorts by it): the core's order, as computed. */
  readonly sortText: string;
  /** What the client filters on when it differs from the label. */
  readonly filterText?: string;
  /** Open the suggestions again after inserting (a key whose value has suggestions). */
  readonly retrigger?: boolean;
}

export type CandidateDraft = Omit<CompletionCandidate, 'sortText' | 'replace' | 'snippet'> & { readonly snippet?: boolean; readonly replace?: Span };

/** Numbers drafts in order and gives them the place's replace span unless they carry their own. */
export function finish(drafts: readonly CandidateDraft[], place: CursorPlace): CompletionCandidate[] {
  return drafts.map((d, i) => ({ ...d, snippet: d.snippet ?? false, replace: d.replace ?? place.replace, sortText: String(i).padStart(4, '0') }));
}

/**
 * A label value or name as a YAML scalar that reads back as the same string:
 * quoted when YAML (1.1 as Kubernetes reads it, or 1.2) would take it for a
 * number, a boolean or null, or when it starts with a character YAML reserves.
 */
export function yamlString(value: string): string {
  const special = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/.test(value);
  const numeric = /^[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+|0x[\da-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i.test(value);
  const reserved = value === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /\s$|: | #/.test(value);
  return special || numeric || reserved ? JSON.stringify(value) : value;
}

/** `1 workload`, `3 workloads`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
