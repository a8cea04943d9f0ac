/**
 * The profile file a workspace may hold at its root (PROFILE_FILE_NAME): the cluster facts
 * the manifests cannot say, so the editor, the CLI and CI judge the same cluster.
 *
 *     kubernetesVersion: "1.35"
 *     podCIDRs: [10.244.0.0/16, fd00:10:244::/56]
 *     serviceCIDRs: [10.96.0.0/12]
 *     plugin: calico
 *
 * Reading is forgiving: a wrong entry becomes a finding at its node and is left out, and
 * the rest of the file still counts.
 */
import { parseFile } from '../../parse/parse-documents';
import { getPair, isMap, isSeq, type YMap, type YNode } from '../../parse/yaml-tree';
import { parseCidr } from '../checks/validators/cidr';
import { editDistance } from '../text/edit-distance';
import { finding, type Finding } from '../finding';
import { NETWORK_PLUGINS, parseKubernetesVersion, type ClusterProfile, type NetworkPlugin } from './cluster-profile';

export const PROFILE_FILE_NAME = '.netpol-lens.yaml';

/** What a profile file sets; absent keys leave the setting or default in force. */
export type ProfileOverrides = { -readonly [K in keyof ClusterProfile]?: ClusterProfile[K] };

export interface ProfileFile {
  readonly overrides: ProfileOverrides;
  readonly findings: readonly Finding[];
}

const KEYS = ['kubernetesVersion', 'podCIDRs', 'serviceCIDRs', 'plugin'];

export function readProfileFile(text: string): ProfileFile {
  const parsed = parseFile(text);
  const findings: Finding[] = parsed.documents.flatMap((doc) => doc.problems.map((p) => finding('yaml/syntax', p.severity, p.message, p.span, { data: { docIndex: doc.index } })));
  const root = parsed.documents[0]?.root;
  const overrides: ProfileOverrides = {};
  if (!isMap(root)) return { overrides, findings };
  const problem = (node: YNode, message: string): void => void findings.push(finding('profile/invalid', 'error', message, node.span, { data: { docIndex: 0 } }));
  for (const pair of root.items) {
    const value = pair.value;
    if (!KEYS.includes(pair.keyText)) {
      const suggestion = KEYS.find((key) => editDistance(key.toLowerCase(), pair.keyText.toLowerCase()) <= 2);
      problem(pair.key, `Unknown profile setting "${pair.keyText}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: the profile knows ${KEYS.join(', ')}.`);
    } else if (!value) {
      problem(pair.key, `"${pair.keyText}" has no value.`);
    } else if (pair.keyText === 'kubernetesVersion') {
      // The written text, not the number: unquoted, 1.30 would be read as 1.3.
      const version = value.kind === 'scalar' ? parseKubernetesVersion(value.style === 'plain' ? value.source : String(value.value)) : undefined;
      if (version) Object.assign(overrides, { kubernetesVersion: version, versionGiven: true });
      else problem(value, 'kubernetesVersion must be a release such as "1.35".');
    } else if (pair.keyText === 'plugin') {
      const plugin = value.kind === 'scalar' ? String(value.value) : '';
      if ((NETWORK_PLUGINS as readonly string[]).includes(plugin)) overrides.plugin = plugin as NetworkPlugin;
      else problem(value, `plugin must be one of ${NETWORK_PLUGINS.join(', ')}.`);
    } else {
      const cidrs = readCidrs(root, pair.keyText, problem);
      if (pair.keyText === 'podCIDRs') overrides.podCidrs = cidrs;
      else overrides.serviceCidrs = cidrs;
    }
  }
  return { overrides, findings };
}

function readCidrs(root: YMap, key: string, problem: (node: YNode, message: string) => void): string[] {
  const list = getPair(root, key)?.value;
  if (!isSeq(list)) {
    if (list) problem(list, `${key} must be a list of CIDRs, e.g. [10.244.0.0/16].`);
    return [];
  }
  const cidrs: string[] = [];
  for (const item of list.items) {
    const cidr = item.kind === 'scalar' && typeof item.value === 'string' ? parseCidr(item.value) : undefined;
    if (cidr) cidrs.push(cidr.canonical);
    else problem(item, `${key}: "${item.kind === 'scalar' ? String(item.value) : '…'}" is not a CIDR such as 10.244.0.0/16.`);
  }
  return cidrs;
}

/** The profile in force: the defaults, then the editor's settings or CLI flags, then the workspace's file. */
export function mergeProfile(base: ClusterProfile, ...layers: readonly ProfileOverrides[]): ClusterProfile {
  return layers.reduce<ClusterProfile>((profile, layer) => ({ ...profile, ...layer }), base);
}
