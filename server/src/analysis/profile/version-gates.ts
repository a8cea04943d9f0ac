/**
 * Findings whose severity depends on the Kubernetes release. A check reports such a
 * finding once, as the older releases see it (accepted, with a warning), and names the
 * release from which the API server rejects it; the profile then decides, per analysis,
 * whether it is an error, and the message says which release was assumed. Checks stay
 * independent of the profile, so their per-document results are reused across profiles.
 */
import type { Finding } from '../../core/finding';
import { atLeast, formatVersion, parseKubernetesVersion, type ClusterProfile, type KubernetesVersion } from './cluster-profile';

/**
 * What a version-dependent finding carries in its data: either the first release that
 * rejects the value (the finding is an error from then on), or the first release that
 * supports what it describes (the finding is only for older releases).
 */
export type VersionGate = { readonly rejectedFrom: string; readonly featureGate: string } | { readonly supportedFrom: string; readonly featureGate: string };

/** The entries to add to a finding's data. */
export function versionGateData(gate: VersionGate): Record<string, string> {
  return { ...gate };
}

/** The findings as the profile's release sees them; findings without a gate are returned as they are. */
export function applyVersionGates(findings: readonly Finding[], profile: ClusterProfile): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const judged = gated(f, profile);
    if (judged) out.push(judged);
  }
  return out;
}

function versionData(f: Finding, key: string): KubernetesVersion | undefined {
  const text = f.data?.[key];
  return typeof text === 'string' ? parseKubernetesVersion(text) : undefined;
}

function gated(f: Finding, profile: ClusterProfile): Finding | undefined {
  const gate = f.data?.['featureGate'];
  if (typeof gate !== 'string') return f;
  const target = formatVersion(profile.kubernetesVersion);
  const assumed = profile.versionGiven ? `Kubernetes ${target}` : `Kubernetes ${target} (assumed: the newest release)`;
  const supported = versionData(f, 'supportedFrom');
  if (supported) {
    if (atLeast(profile.kubernetesVersion, supported)) return undefined;
    return { ...f, message: `${assumed}: ${f.message} ${gate} is on by default from ${formatVersion(supported)}.` };
  }
  const from = versionData(f, 'rejectedFrom');
  if (!from) return f;
  if (atLeast(profile.kubernetesVersion, from)) {
    return { ...f, severity: 'error', message: `${f.message} ${assumed} rejects it: ${gate} is on by default from ${formatVersion(from)}.` };
  }
  return { ...f, message: `${f.message} ${assumed} accepts it with a warning; from ${formatVersion(from)} (${gate}) the API server rejects it.` };
}
