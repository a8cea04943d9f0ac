/**
 * `check --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. One rule per
 * finding code that occurs, with help text; one result per finding, with its region
 * (1-based lines and columns, end column exclusive as SARIF defines it). Paths are
 * written with forward slashes relative to where the command ran, which is the
 * repository root in CI, so code scanning can place the results.
 */
import type { Severity } from '../core/finding';
import type { CheckFinding } from './check-findings';
import { DIALECTS } from '../dialects/registry';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** What each family of codes is about; a rule's help adds it to the finding's own message. */
const FAMILY_HELP: Record<string, string> = {
  yaml: 'The YAML itself is malformed, so the manifest cannot be read as the API server would read it.',
  ...Object.fromEntries(DIALECTS.map((dialect) => [dialect.findings.prefix, dialect.findings.help])),
};

function level(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

export function sarifLog(findings: readonly CheckFinding[]): object {
  const codes = [...new Set(findings.map((f) => f.code))].sort();
  const rules = codes.map((code) => {
    const first = findings.find((f) => f.code === code)!;
    const family = FAMILY_HELP[code.split('/')[0]!] ?? 'A problem in a network policy manifest.';
    return {
      id: code,
      name: ruleName(code),
      shortDescription: { text: `${code}: ${first.message}` },
      fullDescription: { text: family },
      help: {
        text: `${family} Open the file in VS Code with NetworkPolicy Lens for the explanation on hover and a quick fix where one exists, or run \`netpol-lens check\` on it.`,
        markdown: `${family}\n\nOpen the file in VS Code with NetworkPolicy Lens for the explanation on hover and a quick fix where one exists, or run \`netpol-lens check\` on it.`,
      },
      defaultConfiguration: { level: level(first.severity) },
    };
  });
  const results = findings.map((f) => ({
    ruleId: f.code,
    ruleIndex: codes.indexOf(f.code),
    level: level(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: artifactUri(f.file) },
          region: { startLine: f.start.line, startColumn: f.start.column, endLine: f.end.line, endColumn: f.end.column },
        },
      },
    ],
  }));
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'netpol-lens', informationUri: 'https://example.invalid/netpol-lens', rules } }, columnKind: 'utf16CodeUnits', results }],
  };
}

/** `netpol/egress-without-dns` -> `EgressWithoutDns`, the PascalCase name SARIF suggests for rules. */
function ruleName(code: string): string {
  return (code.split('/')[1] ?? code)
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** A relative URI reference: forward slashes, each segment percent-encoded. */
function artifactUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
