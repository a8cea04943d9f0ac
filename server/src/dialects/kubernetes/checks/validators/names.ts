/**
 * The apimachinery name rules (k8s.io/apimachinery/pkg/util/validation), re-stated so
 * the editor rejects exactly what the API server rejects. Each validator returns the
 * problems as short clauses ("it must be no more than 63 characters"), or [] when valid,
 * so callers can build one message that says what is wrong and what to write instead.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const DNS1123_LABEL_MAX = 63;
const DNS1123_SUBDOMAIN_MAX = 253;
const LABEL_VALUE_MAX = 63;
const PORT_NAME_MAX = 15;

/** Namespaces (and the `kubernetes.io/metadata.name` label) are DNS-1123 labels. */
export function dnsLabelProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > DNS1123_LABEL_MAX) problems.push(`it must be no more than ${DNS1123_LABEL_MAX} characters`);
  if (!DNS1123_LABEL.test(value)) problems.push("it must consist of lower case letters, digits and '-', and start and end with a letter or digit");
  return problems;
}

/** NetworkPolicy names and label-key prefixes are DNS-1123 subdomains. */
export function dnsSubdomainProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX) problems.push(`it must be no more than ${DNS1123_SUBDOMAIN_MAX} characters`);
  if (!DNS1123_SUBDOMAIN.test(value)) problems.push("it must consist of lower case letters, digits, '-' and '.', and start and end with a letter or digit");
  return problems;
}

/**
 * Label and annotation keys: an optional DNS-subdomain prefix and "/", then a name of
 * at most 63 characters made of alphanumerics, '-', '_' and '.', starting and ending
 * with an alphanumeric (apimachinery IsQualifiedName).
 */
export function qualifiedNameProblems(value: string): string[] {
  const parts = value.split('/');
  if (parts.length > 2) return ["it may contain at most one '/', between an optional DNS prefix and the name"];
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  const problems: string[] = [];
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix.length === 0) problems.push("the prefix before '/' must not be empty");
    else problems.push(...dnsSubdomainProblems(prefix).map((p) => p.replace(/^it /, `the prefix "${prefix}" `)));
  }
  if (name.length === 0) {
    problems.push(parts.length === 2 ? "the name part after '/' must not be empty" : 'it must not be empty');
    return problems;
  }
  // "The name part" only makes sense to someone who wrote a prefix.
  const subject = parts.length === 2 ? 'the name part' : 'it';
  if (name.length > DNS1123_LABEL_MAX) problems.push(`${subject} must be no more than ${DNS1123_LABEL_MAX} characters`);
  if (!QUALIFIED_NAME_PART.test(name)) problems.push(`${subject} must consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit`);
  return problems;
}

/** Label values: at most 63 characters, may be empty, same alphabet as key names. */
export function labelValueProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > LABEL_VALUE_MAX) problems.push(`it must be no more than ${LABEL_VALUE_MAX} characters`);
  if (!LABEL_VALUE.test(value)) problems.push("it must be empty or consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit");
  return problems;
}

/** IANA service names as container ports use them (apimachinery IsValidPortName). */
export function portNameProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > PORT_NAME_MAX) problems.push(`it must be no more than ${PORT_NAME_MAX} characters`);
  if (!/^[-a-z0-9]+$/.test(value)) problems.push("it must contain only lower case letters, digits and '-'");
  if (!/[a-z]/.test(value)) problems.push('it must contain at least one letter');
  if (value.includes('--')) problems.push("it must not contain '--'");
  if (value.startsWith('-') || value.endsWith('-')) problems.push("it must not begin or end with '-'");
  return problems;
}

export function isValidPortNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** Joins problem phrases into one readable clause: "a, b and c". */
export function joinProblems(problems: readonly string[]): string {
  if (problems.length <= 1) return problems[0] ?? '';
  return `${problems.slice(0, -1).join(', ')} and ${problems[problems.length - 1]}`;
}
