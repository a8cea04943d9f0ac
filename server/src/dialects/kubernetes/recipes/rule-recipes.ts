/**
 * Rule recipes: one item of an `ingress` or `egress` list, written from its dash.
 * The policy recipes are built from these, so a rule reads the same wherever it
 * is inserted.
 */
import type { Recipe } from './recipe-types';

export const DNS_RULE = [
  '- to:',
  '    - namespaceSelector:',
  '        matchLabels:',
  '          kubernetes.io/metadata.name: kube-system',
  '      podSelector:',
  '        matchLabels:',
  '          k8s-app: kube-dns',
  '  ports:',
  '    - protocol: UDP',
  '      port: 53',
  '    - protocol: TCP',
  '      port: 53',
];

export const INTERNET_RULE = [
  '- to:',
  '    - ipBlock:',
  '        cidr: 0.0.0.0/0',
  '        except:',
  '          - 10.0.0.0/8',
  '          - 172.16.0.0/12',
  '          - 192.168.0.0/16',
  '          - 169.254.169.254/32',
];

export const RULE_RECIPES: readonly Recipe[] = [
  {
    id: 'ingress-from-app',
    kind: 'ingress-rule',
    title: 'Allow from another app on a port',
    description: 'Pods with the chosen label, in the policy namespace, may connect on one TCP port.',
    template: ['- from:', '    - podSelector:', '        matchLabels:', '          «source»', '  ports:', '    - protocol: TCP', '      port: «port:8080»'],
  },
  {
    id: 'ingress-from-namespace-label',
    kind: 'ingress-rule',
    title: 'Allow from namespaces with a label',
    description: 'Every pod in the namespaces that carry the chosen label may connect.',
    template: ['- from:', '    - namespaceSelector:', '        matchLabels:', '          «namespaceLabel»'],
  },
  {
    id: 'ingress-from-namespace-name',
    kind: 'ingress-rule',
    title: 'Allow from a namespace by name',
    description: 'Every pod in one namespace may connect, matched by its automatic `kubernetes.io/metadata.name` label.',
    template: ['- from:', '    - namespaceSelector:', '        matchLabels:', '          kubernetes.io/metadata.name: «otherNamespace»'],
  },
  {
    id: 'ingress-from-namespace-and-pod',
    kind: 'ingress-rule',
    title: 'Allow from pods of a namespace (namespace AND pod)',
    description: 'One peer with both selectors: only the pods with the label, and only in that namespace.',
    template: [
      '- from:',
      '    - namespaceSelector:',
      '        matchLabels:',
      '          kubernetes.io/metadata.name: «otherNamespace»',
      '      podSelector:',
      '        matchLabels:',
      '          «source»',
    ],
  },
  {
    id: 'ingress-monitoring',
    kind: 'ingress-rule',
    title: 'Allow a monitoring scrape on a port',
    description: 'Prometheus pods in the `monitoring` namespace may scrape the metrics port.',
    template: [
      '- from:',
      '    - namespaceSelector:',
      '        matchLabels:',
      '          kubernetes.io/metadata.name: «otherNamespace:monitoring»',
      '      podSelector:',
      '        matchLabels:',
      '          app.kubernetes.io/name: prometheus',
      '  ports:',
      '    - protocol: TCP',
      '      port: «port:9090»',
    ],
  },
  {
    id: 'ingress-from-anywhere',
    kind: 'ingress-rule',
    title: 'Allow from anywhere',
    description: 'An empty rule: every source, inside or outside the cluster, on every port.',
    template: ['- {}'],
  },
  {
    id: 'egress-dns',
    kind: 'egress-rule',
    title: 'Allow DNS',
    description: 'Name lookups to kube-dns (CoreDNS) in kube-system, on UDP and TCP port 53.',
    template: DNS_RULE,
  },
  {
    id: 'egress-internet',
    kind: 'egress-rule',
    title: 'Allow to the internet, not to private ranges',
    description: 'Any public address; private ranges (RFC 1918) and the cloud metadata endpoint 169.254.169.254 stay closed.',
    template: INTERNET_RULE,
  },
  {
    id: 'egress-to-app',
    kind: 'egress-rule',
    title: 'Allow to another app on a port',
    description: 'Connections to pods with the chosen label, in the policy namespace, on one TCP port.',
    template: ['- to:', '    - podSelector:', '        matchLabels:', '          «source»', '  ports:', '    - protocol: TCP', '      port: «port:8080»'],
  },
  {
    id: 'egress-to-namespace-name',
    kind: 'egress-rule',
    title: 'Allow to a namespace by name',
    description: 'Connections to every pod in one namespace, matched by its `kubernetes.io/metadata.name` label.',
    template: ['- to:', '    - namespaceSelector:', '        matchLabels:', '          kubernetes.io/metadata.name: «otherNamespace»'],
  },
];

/** The template of a rule recipe by id (empty for an unknown id). */
export function ruleTemplate(id: string): readonly string[] {
  return RULE_RECIPES.find((r) => r.id === id)?.template ?? [];
}
