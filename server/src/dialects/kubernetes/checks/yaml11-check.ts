/**
 * Plain scalars that kubectl reads otherwise than they look (YAML 1.1, see
 * parse/kubectl-scalars.ts): `port: 0120` is port 80 to the cluster, `1_000` is 1000, and
 * a key written `on:` is the key "true". The tree already holds kubectl's reading, so every
 * other check, the hovers and reachability work on what the cluster will store; this check
 * says so where the text suggests something else. A boolean read where a string belongs is
 * the schema check's wrong-type error, which names the YAML 1.1 reading itself.
 */
import type { YNode } from '../../../core/parse/yaml-tree';
import type { ObjectRef } from '../../../model/types';
import { describeYaml11Reading } from '../../../core/parse/kubectl-scalars';
import { finding, type Finding } from '../../../core/finding';
import type { PolicyCheck } from './check';
import { dataAt, type NodePath } from '../../../analysis/checks/finding-data';

export const yaml11Check: PolicyCheck = {
  id: 'yaml11',
  run(policy) {
    const findings: Finding[] = [];
    // An explicit stack: manifests can nest deeper than the call stack allows.
    const stack: { node: YNode; path: NodePath }[] = [{ node: policy.ref.node, path: [] }];
    while (stack.length > 0) {
      const { node, path } = stack.pop()!;
      if (node.kind === 'map') {
        for (const pair of node.items) {
          if (pair.key.kind === 'scalar' && pair.key.yaml11) findings.push(readKey(policy.ref, [...path, pair.keyText], pair.key.source, pair.keyText, pair.key.span));
          const value = pair.value;
          if (value) stack.push({ node: value, path: [...path, pair.keyText] });
        }
      } else if (node.kind === 'seq') {
        node.items.forEach((item, index) => stack.push({ node: item, path: [...path, index] }));
      } else if (node.kind === 'scalar' && node.yaml11 && typeof node.value === 'number') {
        const reading = describeYaml11Reading(node.source, node.value);
        const message = `kubectl reads \`${node.source}\` as ${reading} (YAML 1.1): write ${node.value} so the file says what the cluster stores, or quote it if you mean the text.`;
        findings.push(finding('netpol/yaml-legacy-number', 'warning', message, node.span, { data: dataAt(policy.ref, path, { value: node.value, suggestion: String(node.value) }) }));
      }
    }
    return findings;
  },
};

function readKey(ref: ObjectRef, path: NodePath, source: string, keyText: string, span: YNode['span']): Finding {
  const message = `kubectl reads the key \`${source}\` as "${keyText}" (YAML 1.1). Quote it ("${source}") if you mean the text.`;
  return finding('netpol/yaml-legacy-key', 'warning', message, span, { data: dataAt(ref, path) });
}
