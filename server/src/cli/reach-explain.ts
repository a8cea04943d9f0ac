/**
 * `reach --explain`: the why-trace of every pair in focus in one run, allowed and
 * denied alike (or only one kind with `--explain-only`), each as `netpol-lens why`
 * prints it, a blank line between pairs. External ranges are never paired with
 * each other, as the reachability matrix does not pair them either.
 */
import { isNoConnections } from '../ir/connection-set';
import { explainLines } from '../evaluate/format-why';
import type { ReachEngine } from '../evaluate/reach-engine';
import type { SourceRef } from '../evaluate/types';
import { focusedConnections, inFocus, type Focus } from './reach-focus';

export function explainAllLines(engine: ReachEngine, focus: Focus, only: 'allow' | 'deny' | undefined, where: (source: SourceRef) => string, progress?: (message: string) => void): string[] {
  const pages: string[][] = [];
  const nodes = engine.nodes;
  nodes.forEach((src, i) => {
    progress?.(`explaining pairs from ${src.id} (${i + 1}/${nodes.length})`);
    for (const dst of nodes) {
      if (src === dst || (src.kind === 'external' && dst.kind === 'external') || !inFocus(focus, src, dst)) continue;
      const trace = engine.explain(src, dst);
      const allowed = !isNoConnections(focusedConnections(focus, trace.connections));
      if (only === (allowed ? 'deny' : 'allow')) continue;
      pages.push(explainLines(trace, where));
    }
  });
  return pages.flatMap((page, i) => (i === 0 ? page : ['', ...page]));
}
