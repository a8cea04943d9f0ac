// @ts-check
/**
 * Deterministic generator of realistic multi-document manifests: per team a Namespace,
 * then per app a Deployment, a Service and one or two NetworkPolicies, plus
 * namespace-wide default-deny and DNS policies. The same (lines, seed) always gives the
 * same text, so runs on different days and machines measure the same input.
 *
 *   node bench/generate/generate-manifest.mjs 5000 > manifest.yaml
 */
import { pathToFileURL } from 'node:url';
import { createRandom } from './random.mjs';
import { YamlWriter } from './yaml-writer.mjs';
import { planNamespace, writeDeployment, writeNamespace, writeService } from './workloads.mjs';
import { writeAppPolicy, writeDefaultDeny, writeDnsEgress } from './policies.mjs';

/**
 * @typedef {object} GeneratedManifest
 * @property {string} text
 * @property {number} lines
 * @property {number} documents
 * @property {number} policies
 */

/**
 * Writes whole documents until the text reaches `targetLines`, so a file is never cut in
 * the middle of a document; sizes overshoot the target by at most one document (a
 * Deployment and its Service count as one step here, about 45 lines).
 * @param {{ targetLines: number, seed?: number }} options
 * @returns {GeneratedManifest}
 */
export function generateManifest({ targetLines, seed = 1 }) {
  const random = createRandom(seed);
  const out = new YamlWriter();
  let documents = 0;
  let policies = 0;
  for (let index = 0; out.lineCount < targetLines; index++) {
    const ns = planNamespace(random, index);
    writeNamespace(out, ns);
    documents++;
    if (random.chance(0.7)) {
      writeDefaultDeny(out, random, ns);
      policies++;
    }
    if (random.chance(0.5)) {
      writeDnsEgress(out, random, ns);
      policies++;
    }
    for (const app of ns.apps) {
      if (out.lineCount >= targetLines) break;
      writeDeployment(out, random, ns, app);
      writeService(out, ns, app);
      documents += 2;
      for (let count = random.int(1, 3); count > 0 && out.lineCount < targetLines; count--) {
        writeAppPolicy(out, random, ns, app);
        policies++;
      }
    }
  }
  return { text: out.toString(), lines: out.lineCount, documents: documents + policies, policies };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const targetLines = Number(process.argv[2] ?? 5000);
  const seed = Number(process.argv[3] ?? 1);
  process.stdout.write(generateManifest({ targetLines, seed }).text);
}
