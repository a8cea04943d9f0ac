/** The EditContext a fix works in: the text, its detected style, and whether it is JSON. */
import { isMap, type YNode } from '../../core/parse/yaml-tree';
import type { FileAnalysis } from '../file-analysis';
import type { EditContext } from './yaml-edits';
import { detectStyle } from './yaml-style';

/**
 * `sample` is a neighbouring scalar whose quoting new scalars should copy (an existing
 * except entry, say), so a file that quotes its CIDRs keeps quoting them.
 */
export function editContext(analysis: FileAnalysis, docIndex: number, sample?: YNode | null): EditContext {
  const parsed = analysis.parsed;
  const root = parsed.documents[docIndex]?.root;
  const firstKey = isMap(root) ? root.items[0]?.key : undefined;
  const json = isMap(root) && root.flow && firstKey?.kind === 'scalar' && firstKey.style === 'double';
  const quote = sample?.kind === 'scalar' && (sample.style === 'double' || sample.style === 'single') ? (sample.style === 'double' ? '"' : "'") : undefined;
  return { text: parsed.text, style: detectStyle(parsed), json, ...(quote && { quote }) };
}
