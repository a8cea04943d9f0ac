/**
 * The what-if difference (diffReach) compares joint pod classes rather than every pair of
 * endpoints. Against a reference that compares every pair, as the definition reads, over
 * generated workspaces and random edits (documents dropped, ports and labels changed,
 * workloads added; the endpoints are diffEndpoints' for both): the same changes, in the
 * same order, with and without a port filter.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { formatConnections, intersectConnections, isNoConnections, subtractConnections } from '../../server/src/ir/connection-set';
import { NONE } from '../../server/src/ir/connection-table';
import type { ReachEngine } from '../../server/src/evaluate/reach-engine';
import type { FlowChangeDto, PortFilterDto } from '../../server/src/protocol';
import { filterConnections, projectedCell } from '../../server/src/workspace/port-filter';
import { diffEndpoints, diffReach, type Endpoint } from '../../server/src/workspace/reach-diff';
import { Workspace } from '../../server/src/workspace/workspace';
import { PROJECT_ROOT } from '../support/paths';

type Generator = (options: { namespaces: number; workloads: number; policies: number; shape: string }) => { files: Map<string, string> };

/** Every ordered pair of endpoints, one by one: the definition the class-wise diff must agree with. */
function referenceDiff(before: ReachEngine, after: ReachEngine, filter: PortFilterDto | undefined, endpoints: readonly Endpoint[]): FlowChangeDto[] {
  const wanted = filterConnections(filter);
  const changes: FlowChangeDto[] = [];
  for (const src of endpoints) {
    for (const dst of endpoints) {
      if (src === dst || (src.external && dst.external)) continue;
      const b = src.before && dst.before ? before.connectionSet(before.connectionId(src.before, dst.before)) : before.connectionSet(NONE);
      const a = src.after && dst.after ? after.connectionSet(after.connectionId(src.after, dst.after)) : after.connectionSet(NONE);
      const added = subtractConnections(intersectConnections(a, wanted), intersectConnections(b, wanted));
      const removed = subtractConnections(intersectConnections(b, wanted), intersectConnections(a, wanted));
      if (isNoConnections(added) && isNoConnections(removed)) continue;
      const presence = !src.after || !dst.after ? 'gone' : !src.before || !dst.before ? 'new' : 'both';
      changes.push({ src: src.id, dst: dst.id, ...(src.part && { srcPart: src.part }), ...(dst.part && { dstPart: dst.part }), presence, before: projectedCell(b, wanted), after: projectedCell(a, wanted), added: formatConnections(added), removed: formatConnections(removed) });
    }
  }
  return changes;
}

const EDITS = ['drop', 'port', 'relabel', 'copy', 'open'] as const;

function edited(files: Map<string, string>, edits: readonly { file: number; doc: number; kind: (typeof EDITS)[number] }[]): Map<string, string> {
  const uris = [...files.keys()].sort();
  const docs = new Map(uris.map((uri) => [uri, files.get(uri)!.split('---\n')]));
  for (const { file, doc, kind } of edits) {
    const list = docs.get(uris[file % uris.length]!)!;
    const at = doc % list.length;
    const text = list[at]!;
    if (kind === 'drop') list.splice(at, 1);
    else if (kind === 'port') list[at] = text.replace('port: 5432', 'port: 6432').replace('port: 8080', 'port: 9090');
    else if (kind === 'relabel') list[at] = text.replace(/tier: (web|api)/g, (_, tier: string) => `tier: ${tier === 'web' ? 'api' : 'db'}`);
    else if (kind === 'copy') list.push(text.replace(/name: ([a-z0-9-]+)/, 'name: $1-copy'));
    else {
      // Everything in and out for one tier: the cells between pods of one class change too.
      const namespace = /ns-\d+/.exec(uris[file % uris.length]!)![0];
      const tier = ['web', 'api', 'db', 'cache'][doc % 4]!;
      list.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: open-${tier}-${doc}, namespace: ${namespace}}\nspec:\n  podSelector: {matchLabels: {tier: ${tier}}}\n  policyTypes: [Ingress, Egress]\n  ingress: [{}]\n  egress: [{}]\n`);
    }
  }
  return new Map(uris.map((uri) => [uri, docs.get(uri)!.join('---\n')]));
}

function engineOf(files: Map<string, string>): ReachEngine {
  const ws = new Workspace();
  for (const [uri, text] of files) ws.setFile(uri, text);
  return ws.reach();
}

test('the class-wise what-if diff is the pair-by-pair difference, in the same order', async () => {
  const { generateWorkspace } = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'bench', 'reach', 'generate.mjs')).href)) as { generateWorkspace: Generator };
  const edit = fc.record({ file: fc.nat({ max: 20 }), doc: fc.nat({ max: 60 }), kind: fc.constantFrom(...EDITS) });
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('standard', 'named-ports', 'unique-labels'), fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom<PortFilterDto | undefined>(undefined, { protocol: 'TCP', port: 5432 }, { port: 8080, endPort: 9100 }), async (shape, edits, filter) => {
      // Two namespaces of 60 workloads: three or more of a pod class each, so joint classes have several members.
      const generated = generateWorkspace({ namespaces: 2, workloads: 120, policies: 24, shape }).files;
      // Named by number first, so the pods of a class interleave with others in id order.
      const files = new Map([...generated].map(([uri, text]) => [uri, text.replace(/name: (app-\d+-[a-z]+)-(\d+)/g, (_, app: string, j: string) => `name: w${j.padStart(3, '0')}-${app}`)]));
      const before = engineOf(files);
      const after = engineOf(edited(files, edits));
      const changes = diffReach(before, after, filter);
      assert.deepEqual(changes, referenceDiff(before, after, filter, diffEndpoints(before, after)));
    }),
    { seed: 20261207, numRuns: 40 },
  );
});
