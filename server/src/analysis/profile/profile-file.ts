/**
 * The profile file a workspace may hold at the root of a folder (PROFILE_FILE_NAME): the
 * cluster facts the manifests cannot say, so the editor, the CLI and CI judge the same
 * cluster.
 *
 *     kubernetesVersion: "1.35"
 *     plugin: generic           # the network plugin (PLUGINS): the defaults below
 *     podCidrs: [10.244.0.0/16]
 *     ipBlocksMatchPods: true   # the plugin's default when left out
 *     hostNetwork: node         # node | pod
 *     nodeCidrs: [192.168.0.0/24]
 *     serviceCidrs: [10.96.0.0/12]
 *
 * Reading is forgiving: a wrong entry becomes a finding at its node and is left out, and
 * the rest of the file still counts.
 */
import { parseFile } from '../../core/parse/parse-documents';
import { isMap, type YNode } from '../../core/parse/yaml-tree';
import { editDistance } from '../../core/text/edit-distance';
import { finding, type Finding } from '../../core/finding';
import { cidrOrUndefined } from '../../core/net/cidr';
import { parseKubernetesVersion, type ClusterProfile } from './cluster-profile';
import { HOST_NETWORK_MODES, PLUGIN_DEFAULTS, PLUGINS } from './network-plugins';

export const PROFILE_FILE_NAME = '.netpol-lens.yaml';

/** What a profile file sets; absent keys leave the setting or default in force. */
export type ProfileOverrides = { -readonly [K in keyof ClusterProfile]?: ClusterProfile[K] };

export interface ProfileFile {
  readonly overrides: ProfileOverrides;
  readonly findings: readonly Finding[];
}

const KEYS = ['kubernetesVersion', 'plugin', 'podCidrs', 'ipBlocksMatchPods', 'hostNetwork', 'nodeCidrs', 'serviceCidrs'];
const CIDR_KEYS = ['podCidrs', 'nodeCidrs', 'serviceCidrs'];

export function readProfileFile(text: string): ProfileFile {
  const parsed = parseFile(text);
  const findings: Finding[] = parsed.documents.flatMap((doc) => doc.problems.map((p) => finding('yaml/syntax', p.severity, p.message, p.span, { data: { docIndex: doc.index } })));
  const root = parsed.documents[0]?.root;
  const overrides: ProfileOverrides = {};
  if (!isMap(root)) return { overrides, findings };
  const problem = (span: Finding['span'], message: string): void => void findings.push(finding('profile/invalid', 'error', message, span, { data: { docIndex: 0 } }));
  for (const pair of root.items) {
    const value = pair.value;
    if (!KEYS.includes(pair.keyText)) {
      const suggestion = KEYS.find((key) => editDistance(key.toLowerCase(), pair.keyText.toLowerCase()) <= 2);
      problem(pair.key.span, `Unknown profile setting "${pair.keyText}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}: the profile knows ${KEYS.join(', ')}.`);
    } else if (!value) {
      problem(pair.key.span, `"${pair.keyText}" has no value.`);
    } else if (CIDR_KEYS.includes(pair.keyText)) {
      Object.assign(overrides, { [pair.keyText]: cidrList(pair.keyText, value, problem) });
    } else if (pair.keyText === 'ipBlocksMatchPods') {
      if (value.kind === 'scalar' && typeof value.value === 'boolean') Object.assign(overrides, { ipBlocksMatchPods: value.value });
      else problem(value.span, 'ipBlocksMatchPods is true or false.');
    } else if (pair.keyText === 'plugin' || pair.keyText === 'hostNetwork') {
      const allowed: readonly string[] = pair.keyText === 'plugin' ? PLUGINS : HOST_NETWORK_MODES;
      const text = value.kind === 'scalar' ? String(value.value) : undefined;
      if (text !== undefined && allowed.includes(text)) Object.assign(overrides, { [pair.keyText]: text });
      else problem(value.span, `${pair.keyText} is one of ${allowed.join(', ')}.`);
    } else {
      // The written text, not the number: unquoted, 1.30 would be read as 1.3.
      const version = value.kind === 'scalar' ? parseKubernetesVersion(value.style === 'plain' ? value.source : String(value.value)) : undefined;
      if (version) Object.assign(overrides, { kubernetesVersion: version, versionGiven: true });
      else problem(value.span, 'kubernetesVersion must be a release such as "1.35".');
    }
  }
  return { overrides, findings };
}

function cidrList(key: string, value: YNode, problem: (span: Finding['span'], message: string) => void): string[] {
  const items = value.kind === 'seq' ? value.items : [value];
  const cidrs: string[] = [];
  for (const item of items) {
    const text = item && item.kind === 'scalar' ? String(item.value) : undefined;
    if (text !== undefined && cidrOrUndefined(text)) cidrs.push(text);
    else problem(item ? item.span : value.span, `${key} lists CIDRs such as "${key === 'serviceCidrs' ? '10.96.0.0/12' : '10.244.0.0/16'}".`);
  }
  return cidrs;
}

/**
 * The profile in force: the defaults, then each layer in turn (a later layer wins). What
 * no layer sets and the plugin decides comes from the plugin's defaults.
 */
export function mergeProfile(base: ClusterProfile, ...layers: readonly ProfileOverrides[]): ClusterProfile {
  const given: ProfileOverrides = Object.assign({}, ...layers);
  const plugin = given.plugin ?? base.plugin;
  return { ...base, ...PLUGIN_DEFAULTS[plugin], ...given, plugin };
}
