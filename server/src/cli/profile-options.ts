/**
 * The cluster profile on the command line, shared by every command: `--kube-version`,
 * `--plugin`, `--pod-cidr(s)`, `--ipblocks-match-pods`, `--host-network`, `--node-cidrs`,
 * `--service-cidrs` and `--profile FILE`, and otherwise the profile file at the root of a folder given as PATH
 * (analysis/profile/profile-file.ts). Flags win over the file, the file over the defaults.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_PROFILE, formatVersion, parseKubernetesVersion, type ClusterProfile } from '../analysis/profile/cluster-profile';
import { HOST_NETWORK_MODES, PLUGINS } from '../analysis/profile/network-plugins';
import { mergeProfile, PROFILE_FILE_NAME, readProfileFile, type ProfileOverrides } from '../analysis/profile/profile-file';
import { oneBased, textDocument } from '../services/positions';
import { hasFlag, optionValue, type CommandSpec, type OptionSpec, type ParsedArgs } from './args';
import { cidrOrUndefined } from '../core/net/cidr';

const PROFILE_OPTIONS: readonly OptionSpec[] = [
  { name: 'kube-version', value: 'VERSION', help: `the cluster's Kubernetes release, e.g. 1.35: it decides what the API server rejects (default: the profile file, else ${formatVersion(DEFAULT_PROFILE.kubernetesVersion)})` },
  { name: 'profile', value: 'FILE', help: `the cluster profile to use (default: ${PROFILE_FILE_NAME} at the root of a folder PATH)` },
  { name: 'plugin', value: 'PLUGIN', choices: PLUGINS, help: 'the network plugin, where plugins differ (default: generic): it sets the defaults of --ipblocks-match-pods and --host-network' },
  { name: 'pod-cidr', value: 'CIDR', repeatable: true, help: 'a pod address range of the cluster, e.g. 10.244.0.0/16 (or --pod-cidrs with a comma-separated list)' },
  { name: 'pod-cidrs', value: 'CIDRS', help: "the cluster's pod address ranges, comma-separated" },
  { name: 'ipblocks-match-pods', help: 'the network plugin matches pod addresses against ipBlocks (most do): with pod CIDRs, a range covering them selects the pods' },
  { name: 'host-network', value: 'MODE', choices: HOST_NETWORK_MODES, help: "how hostNetwork pods take part: node (default: their traffic is their node's) or pod (ordinary pods)" },
  { name: 'node-cidrs', value: 'CIDRS', help: "the nodes' address ranges, comma-separated: an ipBlock covering one matches hostNetwork pods" },
  { name: 'service-cidrs', value: 'CIDRS', help: 'the Service cluster IP ranges, comma-separated: ipBlocks inside them are flagged' },
];

const READ_ERRORS: Readonly<Record<string, string>> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'is a folder, not a profile file' };

export function withProfileOptions(spec: CommandSpec): CommandSpec {
  return { ...spec, options: [...spec.options, ...PROFILE_OPTIONS] };
}

export type ProfileOutcome = { readonly profile: ClusterProfile; readonly notes: readonly string[] } | { readonly usage: string } | { readonly unreadable: string };

export function resolveProfile(args: ParsedArgs): ProfileOutcome {
  const flags: ProfileOverrides = {};
  const version = optionValue(args, 'kube-version');
  if (version !== undefined) {
    const parsed = parseKubernetesVersion(version);
    if (!parsed) return { usage: `--kube-version must be a release such as 1.35 (got ${version || 'nothing'})` };
    Object.assign(flags, { kubernetesVersion: parsed, versionGiven: true });
  }
  const podCidrs = [...(args.values.get('pod-cidr') ?? []), ...(args.values.get('pod-cidrs') ?? [])];
  for (const [key, flag, given] of [['podCidrs', args.values.has('pod-cidrs') ? 'pod-cidrs' : 'pod-cidr', podCidrs], ['nodeCidrs', 'node-cidrs', args.values.get('node-cidrs')], ['serviceCidrs', 'service-cidrs', args.values.get('service-cidrs')]] as const) {
    if (given === undefined || given.length === 0) continue;
    const list = given.flatMap((v) => v.split(',')).map((c) => c.trim()).filter((c) => c !== '');
    const wrong = list.find((c) => !cidrOrUndefined(c));
    if (wrong !== undefined || list.length === 0) return { usage: `--${flag} must list CIDRs such as 10.244.0.0/16 (got ${wrong ?? (given.join(',') || 'nothing')})` };
    Object.assign(flags, { [key]: list });
  }
  const plugin = optionValue(args, 'plugin');
  if (plugin !== undefined) Object.assign(flags, { plugin });
  const hostNetwork = optionValue(args, 'host-network');
  if (hostNetwork !== undefined) Object.assign(flags, { hostNetwork });
  if (hasFlag(args, 'ipblocks-match-pods')) Object.assign(flags, { ipBlocksMatchPods: true });
  const given = optionValue(args, 'profile');
  const file = given ?? args.operands.map((p) => path.join(p, PROFILE_FILE_NAME)).find(isFile);
  if (file === undefined) return { profile: mergeProfile(DEFAULT_PROFILE, flags), notes: [] };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    return { unreadable: `${file}: ${READ_ERRORS[code] ?? 'cannot be read'}` };
  }
  const read = readProfileFile(text);
  const document = textDocument(text, file);
  const notes = read.findings.map((f) => {
    const { line, column } = oneBased(document, f.span.start);
    return `${file}:${line}:${column} ${f.severity} ${f.code} ${f.message}`;
  });
  return { profile: mergeProfile(DEFAULT_PROFILE, read.overrides, flags), notes };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
