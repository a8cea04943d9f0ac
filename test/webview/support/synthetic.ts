/**
 * A generated workspace of N Deployments in M namespaces with a default-deny and
 * an allow policy per namespace, for the panel's size benchmark.
 */
export function syntheticWorkspace(workloads: number, namespaces: number): Map<string, string> {
  const docs: string[] = [];
  for (let i = 0; i < workloads; i++) {
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${i}, namespace: ns-${i % namespaces}}\nspec:\n  selector: {matchLabels: {app: app-${i}}}\n  template:\n    metadata: {labels: {app: app-${i}, tier: t${i % 5}}}\n    spec: {containers: [{name: c, image: x, ports: [{containerPort: 8080, name: http}]}]}`,
    );
  }
  const policies: string[] = [];
  for (let k = 0; k < namespaces; k++) {
    policies.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny, namespace: ns-${k}}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress], egress: [{ports: [{port: 53, protocol: UDP}]}]}`);
    policies.push(
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: web, namespace: ns-${k}}\nspec:\n  podSelector: {matchLabels: {tier: t${k % 5}}}\n  ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {tier: t${k % 5}}}}], ports: [{port: 80}]}]\n  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}]}, {to: [{podSelector: {}}]}]`,
    );
  }
  return new Map([
    ['file:///synthetic/workloads.yaml', docs.join('\n---\n')],
    ['file:///synthetic/policies.yaml', policies.join('\n---\n')],
  ]);
}
