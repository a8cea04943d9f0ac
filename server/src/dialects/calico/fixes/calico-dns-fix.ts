/**
 * "Allow DNS egress" for Calico policies: the two Allow rules Calico's own docs
 * use, UDP and TCP 53 to `k8s-app == "kube-dns"` in the namespace whose
 * `projectcalico.org/name` is kube-system. Calico rules are ordered, so where they
 * go matters: before the Deny that takes DNS away, or at the end of the egress
 * list when the deny is the end of the tier. Offered only while the DNS check
 * still finds the gap, so applying it twice cannot duplicate the rules.
 */
import { calicoPoliciesOf } from '../reading';
import { getPair, isMap, isNullish, isSeq, type YSeq } from '../../../core/parse/yaml-tree';
import { calicoShape } from '../ordering/calico-shapes';
import { dnsGap } from '../ordering/dns';
import { fileShapes } from '../ordering/file-shapes';
import type { CalicoPolicy } from '../model/types';
import type { FileAnalysis } from '../../../analysis/file-analysis';
import type { FindingData } from '../../../core/finding';
import { editContext } from '../../../analysis/fixes/edit-context';
import { insert, type FindingFix, type TextEdit } from '../../../analysis/fixes/fix';
import { objectRoot } from '../../../analysis/fixes/locate';
import { renderFlow, seqLines, type RMap } from '../../../analysis/fixes/render-yaml';
import { addPair, appendToSeq, fillEmptyValue, type EditContext } from '../../../analysis/fixes/yaml-edits';
import { aboveComments, lineStartOf } from '../../../analysis/fixes/yaml-style';

export const CALICO_DNS_TITLE = 'Allow DNS egress to kube-dns (UDP and TCP 53)';

/** Selectors hold spaces and quotes, which the renderer would escape: they are written in after rendering. */
const POD_PLACEHOLDER = 'calico-dns-pod-selector';
const NAMESPACE_PLACEHOLDER = 'calico-dns-namespace-selector';
const POD_SELECTOR = 'k8s-app == "kube-dns"';
const NAMESPACE_SELECTOR = 'projectcalico.org/name == "kube-system"';

function dnsRule(protocol: 'UDP' | 'TCP'): RMap {
  return { action: 'Allow', protocol, destination: { selector: POD_PLACEHOLDER, namespaceSelector: NAMESPACE_PLACEHOLDER, ports: [53] } };
}

const DNS_RULES: readonly RMap[] = [dnsRule('UDP'), dnsRule('TCP')];

function calicoPolicyOf(analysis: FileAnalysis, data: FindingData): CalicoPolicy | undefined {
  return calicoPoliciesOf(analysis).find((p) => p.ref.docIndex === data.docIndex && p.ref.listIndex === data.listIndex);
}

export const calicoDnsFix: FindingFix = (analysis, data) => {
  const policy = calicoPolicyOf(analysis, data);
  if (!policy) return undefined;
  const shapes = fileShapes(calicoPoliciesOf(analysis));
  const gap = dnsGap(shapes.find((s) => s.origin.kind === 'calico' && s.origin.policy === policy) ?? calicoShape('', policy), shapes);
  const root = objectRoot(analysis.parsed, data);
  const spec = root ? getPair(root, 'spec')?.value : undefined;
  if (!gap || !isMap(spec)) return undefined;
  const ctx = editContext(analysis, policy.ref.docIndex);
  const egress = getPair(spec, 'egress');
  let edits: TextEdit[] | undefined;
  let flow = spec.flow;
  if (gap.kind === 'deny' && egress && isSeq(egress.value)) {
    flow = egress.value.flow;
    edits = insertBefore(ctx, egress.value, gap.rule.index);
  } else if (!egress) edits = [addPair(ctx, spec, 'egress', [...DNS_RULES])];
  else if (isSeq(egress.value) && egress.value.items.length > 0) {
    const seq = egress.value;
    flow = seq.flow;
    edits = DNS_RULES.map((rule) => appendToSeq(ctx, seq, rule, egress));
  } else if (isNullish(egress.value) || isSeq(egress.value)) edits = maybe(fillEmptyValue(ctx, egress, [...DNS_RULES], spec.flow));
  if (!edits) return undefined;
  return { title: CALICO_DNS_TITLE, kind: 'quickfix', edits: edits.map((e) => withSelectors(e, ctx, flow)), isPreferred: true };
};

function maybe(edit: TextEdit | undefined): TextEdit[] | undefined {
  return edit ? [edit] : undefined;
}

/** The rules as new items in front of item `index`, in the list's own style. */
function insertBefore(ctx: EditContext, seq: YSeq, index: number): TextEdit[] | undefined {
  const item = seq.items[index];
  if (!item) return undefined;
  if (seq.flow) return [insert(item.span.start, `${DNS_RULES.map((r) => renderFlow(r, ctx.json)).join(', ')}, `)];
  const dash = ctx.text.lastIndexOf('-', item.span.start - 1);
  if (dash < 0) return undefined;
  const lineStart = lineStartOf(ctx.text, dash);
  if (ctx.text.slice(lineStart, dash).trim() !== '') return undefined;
  const lines = seqLines(DNS_RULES, dash - lineStart, ctx.style);
  return [insert(aboveComments(ctx.text, lineStart), lines.join(ctx.style.eol) + ctx.style.eol)];
}


/** Puts the real selectors in place of the placeholders: plain in block YAML, quoted in flow YAML and JSON. */
function withSelectors(edit: TextEdit, ctx: EditContext, flow: boolean): TextEdit {
  const written = (selector: string): string => (ctx.json ? JSON.stringify(selector) : flow ? `'${selector}'` : selector);
  const placeholder = (name: string): RegExp => new RegExp(ctx.json ? `"${name}"` : name, 'g');
  const newText = edit.newText.replace(placeholder(POD_PLACEHOLDER), written(POD_SELECTOR)).replace(placeholder(NAMESPACE_PLACEHOLDER), written(NAMESPACE_SELECTOR));
  return { ...edit, newText };
}
