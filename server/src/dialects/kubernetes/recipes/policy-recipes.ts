/**
 * Whole-policy recipes, for an empty document or the "New Policy from Recipe"
 * command. Policies that isolate egress keep DNS open, since without it every
 * name lookup fails (the egress-without-dns check says why).
 */
import type { Recipe } from './recipe-types';
import { DNS_RULE, INTERNET_RULE, ruleTemplate } from './rule-recipes';

function header(name: string): string[] {
  return ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', `  name: «name:${name}»`, '  namespace: «namespace»', 'spec:'];
}

/** Rules under `ingress:` or `egress:` at the spec level (dashes indented under the key). */
function rules(direction: 'ingress' | 'egress', ...templates: (readonly string[])[]): string[] {
  return [`  ${direction}:`, ...templates.flatMap((t) => t.map((line) => `    ${line}`))];
}

const SELECT_ALL = '  podSelector: {}';
const SELECT_TARGET = ['  podSelector:', '    matchLabels:', '      «target»'];

export const POLICY_RECIPES: readonly Recipe[] = [
  {
    id: 'deny-all-ingress',
    kind: 'policy',
    title: 'Deny all ingress in a namespace',
    description: 'Every pod of the namespace accepts no traffic, except what other policies allow.',
    template: [...header('default-deny-ingress'), SELECT_ALL, '  policyTypes:', '    - Ingress'],
  },
  {
    id: 'deny-all-egress',
    kind: 'policy',
    title: 'Deny all egress in a namespace (DNS still allowed)',
    description: 'Every pod of the namespace may open no connection except DNS lookups, and what other policies allow. Delete the rule to deny DNS too.',
    template: [...header('default-deny-egress'), SELECT_ALL, '  policyTypes:', '    - Egress', ...rules('egress', DNS_RULE)],
  },
  {
    id: 'deny-all',
    kind: 'policy',
    title: 'Deny all ingress and egress in a namespace (DNS still allowed)',
    description: 'Every pod of the namespace is isolated both ways; only DNS lookups and what other policies allow get through.',
    template: [...header('default-deny-all'), SELECT_ALL, '  policyTypes:', '    - Ingress', '    - Egress', ...rules('egress', DNS_RULE)],
  },
  {
    id: 'allow-all-ingress-to-app',
    kind: 'policy',
    title: 'Allow all ingress to an app',
    description: 'The app\'s pods accept every connection, whatever deny-all policy the namespace has.',
    template: [...header('allow-all-ingress'), ...SELECT_TARGET, '  policyTypes:', '    - Ingress', ...rules('ingress', ['- {}'])],
  },
  {
    id: 'allow-app-to-app',
    kind: 'policy',
    title: 'Allow one app to another on a port',
    description: 'Pods with the source label may connect to the target app on one TCP port.',
    template: [...header('allow-from-app'), ...SELECT_TARGET, '  policyTypes:', '    - Ingress', ...rules('ingress', ruleTemplate('ingress-from-app'))],
  },
  {
    id: 'allow-from-namespace-label',
    kind: 'policy',
    title: 'Allow from namespaces with a label',
    description: 'Every pod in the namespaces that carry the chosen label may connect to the target app.',
    template: [...header('allow-from-namespaces'), ...SELECT_TARGET, '  policyTypes:', '    - Ingress', ...rules('ingress', ruleTemplate('ingress-from-namespace-label'))],
  },
  {
    id: 'allow-from-namespace-name',
    kind: 'policy',
    title: 'Allow from another namespace by name',
    description: 'Every pod in one namespace may connect to the target app (kubernetes.io/metadata.name).',
    template: [...header('allow-from-namespace'), ...SELECT_TARGET, '  policyTypes:', '    - Ingress', ...rules('ingress', ruleTemplate('ingress-from-namespace-name'))],
  },
  {
    id: 'allow-from-namespace-and-pod',
    kind: 'policy',
    title: 'Allow from pods of another namespace (namespace AND pod)',
    description: 'Only the pods with the source label, in that one namespace, may connect: both selectors sit in one peer.',
    template: [...header('allow-from-namespace-pods'), ...SELECT_TARGET, '  policyTypes:', '    - Ingress', ...rules('ingress', ruleTemplate('ingress-from-namespace-and-pod'))],
  },
  {
    id: 'allow-dns-egress',
    kind: 'policy',
    title: 'Allow DNS egress',
    description: 'Every pod of the namespace may look up names with kube-dns; with a deny-all egress policy this is what keeps DNS working.',
    template: [...header('allow-dns-egress'), SELECT_ALL, '  policyTypes:', '    - Egress', ...rules('egress', DNS_RULE)],
  },
  {
    id: 'allow-internet-egress',
    kind: 'policy',
    title: 'Allow egress to the internet, not to private ranges',
    description: 'The app may reach public addresses (and DNS), but not private ranges nor the cloud metadata endpoint 169.254.169.254.',
    template: [...header('allow-internet-egress'), ...SELECT_TARGET, '  policyTypes:', '    - Egress', ...rules('egress', INTERNET_RULE, DNS_RULE)],
  },
  {
    id: 'allow-monitoring',
    kind: 'policy',
    title: 'Allow a monitoring scrape on a port',
    description: 'Prometheus in the `monitoring` namespace may scrape the app\'s metrics port.',
    template: [...header('allow-monitoring-scrape'), ...SELECT_TARGET, '  policyTypes:', '    - Ingress', ...rules('ingress', ruleTemplate('ingress-monitoring'))],
  },
];
