/**
 * The profile file a workspace may hold at the root of a folder (PROFILE_FILE_NAME): the
 * cluster facts the manifests cannot say, so the editor, the CLI and CI judge the same
 * cluster.
 *
 *     kubernetesVersion: "1.35"
 *     podCidrs: [10.244.0.0/16]
 *     ipBlocksMatchPods: true
 *
 * Reading is forgiving: a wrong entry becomes a finding at its node and is left out, and
 * the rest of the file still counts.
 */
import { parseFile } from '../../core/parse/parse-documents';
import { isMap } from '../../core/parse/yaml-tree';
import { editDistance } from '../../core/text/edit-distance';
import { finding, type Finding } from '../../core/finding';
import { cidrOrUndefined } from '../../core/net/cidr';
import { parseKubernetesVersion, type ClusterProfile } from './cluster-profile';

export const PROFILE_FILE_NAME = '.netpol-lens.yaml';

/** What a profile file sets; absent keys leave the setting or default in force. */
export type ProfileOverrides = { -readonly [K in keyof ClusterProfile]?: ClusterProfile[K] };

export interface ProfileFile {
  readonly overrides: ProfileOverrides;
  readonly findings: readonly Finding[];
}

const KEYS = ['kubernetesVersion', 'podCidrs', 'ipBlocksMatchPods'];

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
    } else if (pair.keyText === 'podCidrs') {
      const items = value.kind === 'seq' ? value.items : [value];
      const cidrs: string[] = [];
      for (const item of items) {
        const text = item && item.kind === 'scalar' ? String(item.value) : undefined;
        if (text !== undefined && cidrOrUndefined(text)) cidrs.push(text);
        else problem(item ? item.span : value.span, 'podCidrs lists CIDRs such as "10.244.0.0/16".');
      }
      Object.assign(overrides, { podCidrs: cidrs });
    } else if (pair.keyText === 'ipBlocksMatchPods') {
      if (value.kind === 'scalar' && typeof value.value === 'boolean') Object.assign(overrides, { ipBlocksMatchPods: value.value });
      else problem(value.span, 'ipBlocksMatchPods is true or false.');
    } else {
      // The written text, not the number: unquoted, 1.30 would be read as 1.3.
      const version = value.kind === 'scalar' ? parseKubernetesVersion(value.style === 'plain' ? value.source : String(value.value)) : undefined;
      if (version) Object.assign(overrides, { kubernetesVersion: version, versionGiven: true });
      else problem(value.span, 'kubernetesVersion must be a release such as "1.35".');
    }
  }
  return { overrides, findings };
}

/** The profile in force: the defaults, then each layer in turn (a later layer wins). */
export function mergeProfile(base: ClusterProfile, ...layers: readonly ProfileOverrides[]): ClusterProfile {
  return layers.reduce<ClusterProfile>((profile, layer) => ({ ...profile, ...layer }), base);
}
