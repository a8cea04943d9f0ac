/**
 * The network plugins the cluster profile knows, and what each does where plugins
 * differ: the defaults of the profile's settings that depend on the plugin. These are
 * the plugins that run a cluster's traffic (a cluster fact), not the policy dialects
 * they may also read.
 */
/**
 * How host-networked pods (`hostNetwork: true`) take part: `node`, as most plugins do
 * (no policy selects them, pod selectors never match them, their traffic carries their
 * node's address), or `pod`, as ordinary pods with their labels.
 */
export const HOST_NETWORK_MODES = ['node', 'pod'] as const;
export type HostNetworkMode = (typeof HOST_NETWORK_MODES)[number];

/** Network plugins whose behaviour the profile knows where they differ. */
export const PLUGINS = ['generic', 'calico', 'cilium'] as const;
export type Plugin = (typeof PLUGINS)[number];

/** What each plugin does where plugins differ: the defaults of the settings the profile leaves out. */
export const PLUGIN_DEFAULTS: Readonly<Record<Plugin, { readonly ipBlocksMatchPods: boolean; readonly hostNetwork: HostNetworkMode }>> = {
  // Nothing known: address ranges are read as the NetworkPolicy documentation intends them (outside the cluster).
  generic: { ipBlocksMatchPods: false, hostNetwork: 'node' },
  // Calico renders an ipBlock as `nets`, which match any address, pods' included.
  calico: { ipBlocksMatchPods: true, hostNetwork: 'node' },
  // Cilium's CIDR rules leave out endpoints it manages and the cluster's nodes (policy-cidr-match-mode unset).
  cilium: { ipBlocksMatchPods: false, hostNetwork: 'node' },
};
