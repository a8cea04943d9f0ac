/**
 * The edit primitives fixes are built from. Each computes one insertion or
 * replacement at exact offsets from the tree and leaves every other byte alone:
 * appending to a list, adding a key to a map, giving a value to an empty key.
 * Block collections get lines in the file's style; flow collections stay flow.
 */
import { isNullish, type YMap, type YNode, type YPair, type YSeq } from '../../core/parse/yaml-tree';
import { contentEnd } from '../../core/parse/node-spans';
import { insert, replace, type TextEdit } from './fix';
import { mapLines, renderFlow, seqLines, type RMap, type RValue } from './render-yaml';
import { columnOf, styleWithin, type YamlStyle } from './yaml-style';

export interface EditContext {
  readonly text: string;
  readonly style: YamlStyle;
  /** Flow text with double-quoted keys and strings, for JSON files. */
  readonly json: boolean;
  readonly quote?: '"' | "'";
}

/** The offset just after the line that holds `offset` (after its line break), or the end of the text. */
export function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** The offset of the line break ending the line that holds `offset` (before any "\r"). */
function lineBreakAt(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** Lines to insert at a line start: each ends with the line ending, unless the text ends without one. */
function insertLines(ctx: EditContext, at: number, lines: readonly string[]): TextEdit {
  const atEndWithoutBreak = at === ctx.text.length && ctx.text.length > 0 && !ctx.text.endsWith('\n');
  const body = lines.join(ctx.style.eol);
  return insert(at, atEndWithoutBreak ? ctx.style.eol + body : body + ctx.style.eol);
}

/** `key`: the pair whose value `seq` is, so the new item copies the list's own style. */
export function appendToSeq(ctx: EditContext, seq: YSeq, item: RValue, key?: YPair): TextEdit {
  if (seq.flow) return appendToFlow(seq, seq.items.map((i) => i.span.end), renderFlow(item, ctx.json));
  const dashColumn = columnOf(ctx.text, seq.span.start);
  const ownOffset = key ? dashColumn - columnOf(ctx.text, key.key.span.start) : undefined;
  const style = styleWithin(ctx.text, seq, ctx.style, ownOffset);
  return insertLines(ctx, lineEndAfter(ctx.text, contentEnd(seq)), seqLines([item], dashColumn, style, ctx.quote));
}

export function addPair(ctx: EditContext, map: YMap, key: string, value: RValue): TextEdit {
  if (map.flow) return appendToFlow(map, map.items.map((p) => p.value?.span.end ?? p.key.span.end), renderFlow({ [key]: value }, ctx.json).slice(1, -1));
  const column = map.items.length > 0 ? columnOf(ctx.text, map.items[0]!.key.span.start) : columnOf(ctx.text, map.span.start);
  return insertLines(ctx, lineEndAfter(ctx.text, contentEnd(map)), mapLines({ [key]: value }, column, ctx.style, ctx.quote));
}

/** Adds `newText` as the last entry of a flow collection, after its last entry or inside the empty brackets. */
function appendToFlow(node: YNode, itemEnds: readonly number[], newText: string): TextEdit {
  const lastEnd = itemEnds.length > 0 ? Math.max(...itemEnds) : undefined;
  if (lastEnd === undefined) return insert(node.span.start + 1, newText);
  return insert(lastEnd, `, ${newText}`);
}

/**
 * Gives a value to a key written with none (`egress:`) or with an empty flow list or
 * map (`egress: []`), in block style below the key. Undefined when the key's line
 * holds anything else that an edit could disturb.
 */
export function fillEmptyValue(ctx: EditContext, pair: YPair, value: RValue, parentFlow: boolean): TextEdit | undefined {
  const keyColumn = columnOf(ctx.text, pair.key.span.start);
  const node = pair.value;
  if (parentFlow) {
    if (!isNullish(node)) return node ? replace(node.span, renderFlow(value, ctx.json)) : undefined;
    return insert(node ? node.span.end : pair.key.span.end, ` ${renderFlow(value, ctx.json)}`);
  }
  const lines = blockValueLines(value, keyColumn, ctx);
  if (isNullish(node)) {
    const at = lineBreakAt(ctx.text, pair.key.span.end);
    return insert(at, ctx.style.eol + lines.join(ctx.style.eol));
  }
  if (!node || !node.flow || !isEmptyCollection(node)) return undefined;
  const between = ctx.text.slice(pair.key.span.end, node.span.start);
  if (!/^[ \t]*:[ \t]*$/.test(between)) return undefined;
  return replace({ start: pair.key.span.end, end: node.span.end }, ':' + ctx.style.eol + lines.join(ctx.style.eol));
}

function blockValueLines(value: RValue, keyColumn: number, ctx: EditContext): string[] {
  if (Array.isArray(value)) return seqLines(value, keyColumn + ctx.style.seqOffset, ctx.style, ctx.quote);
  return mapLines(value as RMap, keyColumn + ctx.style.indent, ctx.style, ctx.quote);
}

function isEmptyCollection(node: YNode): boolean {
  return (node.kind === 'map' || node.kind === 'seq') && node.items.length === 0;
}

/** Replaces a scalar's text, keeping its quote style when it was quoted. */
export function replaceScalar(node: YNode, newValue: string): TextEdit {
  const quote = node.kind === 'scalar' && (node.style === 'double' || node.style === 'single') ? node.source[0]! : '';
  const escaped = quote === '"' ? JSON.stringify(newValue).slice(1, -1) : quote === "'" ? newValue.replace(/'/g, "''") : newValue;
  return replace(node.span, `${quote}${escaped}${quote}`);
}
