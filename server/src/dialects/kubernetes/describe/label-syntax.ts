/**
 * The label key and value syntax of Kubernetes (apimachinery's IsQualifiedName and
 * IsValidLabelValue). kubectl checks every selector requirement against it before
 * printing, and prints `<error>` for a selector that fails, so describe must check too.
 */

/** A name part: alphanumerics, `-`, `_` and `.`, starting and ending alphanumeric. */
const NAME_PART = /^(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const NAME_PART_MAX = 63;
/** A lowercase RFC 1123 subdomain, the optional prefix of a key (`example.com/name`). */
const DNS_SUBDOMAIN = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
const DNS_SUBDOMAIN_MAX = 253;
const LABEL_VALUE_MAX = 63;

/**
 * A label key: `name` or `prefix/name`. The patterns only admit ASCII, so string
 * length and Go's byte length agree wherever the length check decides anything.
 */
export function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    if (prefix.length === 0 || prefix.length > DNS_SUBDOMAIN_MAX || !DNS_SUBDOMAIN.test(prefix)) return false;
  }
  const name = parts[parts.length - 1] ?? '';
  return name.length > 0 && name.length <= NAME_PART_MAX && NAME_PART.test(name);
}

/** A label value: empty, or a name part of at most 63 characters. */
export function isValidLabelValue(value: string): boolean {
  return value === '' || (value.length <= LABEL_VALUE_MAX && NAME_PART.test(value));
}
