/**
 * The cluster profile: what an answer depends on that the manifests cannot say. The
 * Kubernetes release the API server runs decides what it rejects and how kubectl
 * prints; every finding that depends on it names the release it assumed. The pod
 * address ranges, and whether the network plugin matches pod addresses against
 * ipBlocks, decide whether an address range in a policy can select pods; traces and
 * hovers say which assumption they made. The network plugin sets the defaults of what
 * plugins do differently; a setting given beside it wins.
 */


import { PLUGIN_DEFAULTS, type HostNetworkMode, type Plugin } from './network-plugins';

export interface KubernetesVersion {
  readonly major: number;
  readonly minor: number;
}

export interface ClusterProfile {
  /** The API server's release. */
  readonly kubernetesVersion: KubernetesVersion;
  /** Whether kubernetesVersion was given (by a setting, a flag or a profile file) or is the default. */
  readonly versionGiven: boolean;
  /** The cluster's pod address ranges (CIDRs as written), when known. */
  readonly podCidrs: readonly string[];
  /**
   * Whether the network plugin matches pod addresses against address ranges (ipBlock,
   * nets of other dialects): most do, some do not. Off by default: address ranges then match only
   * addresses outside the cluster. On, with podCidrs, a range that covers a pod range
   * matches those pods.
   */
  readonly ipBlocksMatchPods: boolean;
  /** The network plugin; `generic` when it is not known. */
  readonly plugin: Plugin;
  /** How host-networked pods take part in reachability. */
  readonly hostNetwork: HostNetworkMode;
  /** The nodes' address ranges: with hostNetwork `node`, an address range covering one matches host-networked pods. */
  readonly nodeCidrs: readonly string[];
  /** The Service cluster IP ranges: an ipBlock inside one matches no traffic on most plugins (Services are translated first). */
  readonly serviceCidrs: readonly string[];
}


/**
 * The newest stable Kubernetes release this version of the extension knows. Kept in step
 * with the release table; a profile names another release to check against it instead.
 */
export const NEWEST_KUBERNETES: KubernetesVersion = { major: 1, minor: 37 };

export const DEFAULT_PROFILE: ClusterProfile = {
  kubernetesVersion: NEWEST_KUBERNETES,
  versionGiven: false,
  podCidrs: [],
  plugin: 'generic',
  ...PLUGIN_DEFAULTS.generic,
  nodeCidrs: [],
  serviceCidrs: [],
};

/** "1.35", "v1.35", "1.35.2" or "v1.35.0-eks-1234" -> 1.35; undefined for anything else. */
export function parseKubernetesVersion(text: string): KubernetesVersion | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+][0-9A-Za-z.-]*)?$/.exec(text.trim());
  if (!match) return undefined;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major === 1 && minor <= 99 ? { major, minor } : undefined;
}

export function formatVersion(version: KubernetesVersion): string {
  return `${version.major}.${version.minor}`;
}

/** Whether `version` is `since` or newer. */
export function atLeast(version: KubernetesVersion, since: KubernetesVersion): boolean {
  return version.major !== since.major ? version.major > since.major : version.minor >= since.minor;
}

export function sameProfile(a: ClusterProfile, b: ClusterProfile): boolean {
  return (
    a.versionGiven === b.versionGiven &&
    a.kubernetesVersion.major === b.kubernetesVersion.major &&
    a.kubernetesVersion.minor === b.kubernetesVersion.minor &&
    a.ipBlocksMatchPods === b.ipBlocksMatchPods &&
    a.plugin === b.plugin &&
    a.hostNetwork === b.hostNetwork &&
    a.podCidrs.join(',') === b.podCidrs.join(',') &&
    a.nodeCidrs.join(',') === b.nodeCidrs.join(',') &&
    a.serviceCidrs.join(',') === b.serviceCidrs.join(',')
  );
}
