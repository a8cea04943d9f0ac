/**
 * The workspace matcher hook: selector hovers pass the selector and its scope to
 * an optional matcher and list what it returns; without one they say nothing
 * about the workspace.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../server/src/analysis/analyze-file';
import { explainAt, type SelectorScope } from '../../server/src/analysis/explain/explain-at';
import type { LabelSelector } from '../../server/src/model/types';
import { offsetAfter } from '../support/markers';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
  namespace: prod
spec:
  podSelector:
    matchLabels:
      app: api
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              team: web
          podSelector:
            matchLabels:
              role: client
        - podSelector:
            matchLabels:
              role: admin
`;

interface Call {
  readonly labels: string;
  readonly scope: string;
}

function describeScope(scope: SelectorScope): string {
  if (scope.kind === 'pods-in-namespace') return `pods in ${scope.namespace}`;
  if (scope.kind === 'namespaces') return 'namespaces';
  return `pods in namespaces ${scope.namespaceSelector.matchLabels.map((l) => `${l.key.value}=${l.value.value}`).join(',')}`;
}

function hoverWith(cursor: number, names: readonly string[]): { markdown: string; calls: Call[] } {
  const calls: Call[] = [];
  const matches = (selector: LabelSelector, scope: SelectorScope): readonly string[] => {
    calls.push({ labels: selector.matchLabels.map((l) => `${l.key.value}=${l.value.value}`).join(','), scope: describeScope(scope) });
    return names;
  };
  const explanation = explainAt(analyzeText(POLICY), cursor, { matches });
  assert.ok(explanation);
  return { markdown: explanation.markdown, calls };
}

describe('workspace matcher', () => {
  test('the policy podSelector is matched among the pods of the policy namespace', () => {
    const { markdown, calls } = hoverWith(offsetAfter(POLICY, '  podSelector:', '  pod'), ['deployment/api']);
    assert.deepEqual(calls, [{ labels: 'app=api', scope: 'pods in prod' }]);
    assert.match(markdown, /\*\*In this workspace:\*\* matches `deployment\/api`\.$/);
  });

  test('a podSelector next to a namespaceSelector is scoped by it; a namespaceSelector matches namespaces', () => {
    assert.deepEqual(hoverWith(offsetAfter(POLICY, '          podSelector:', '          pod'), []).calls, [{ labels: 'role=client', scope: 'pods in namespaces team=web' }]);
    assert.deepEqual(hoverWith(offsetAfter(POLICY, '- namespaceSelector:', '- name'), []).calls, [{ labels: 'team=web', scope: 'namespaces' }]);
    assert.deepEqual(hoverWith(offsetAfter(POLICY, '        - podSelector:', '- pod'), []).calls, [{ labels: 'role=admin', scope: 'pods in prod' }]);
  });

  test('no match is said, and long lists are cut', () => {
    assert.match(hoverWith(offsetAfter(POLICY, 'role: admin', 'role: ad'), []).markdown, /\*\*In this workspace:\*\* matches nothing\.$/);
    const many = Array.from({ length: 12 }, (_, i) => `pod-${i + 1}`);
    assert.match(hoverWith(offsetAfter(POLICY, 'app: api', 'app: a'), many).markdown, /`pod-10` and 2 more\.$/);
  });

  test('without a matcher, nothing is said about the workspace', () => {
    const explanation = explainAt(analyzeText(POLICY), offsetAfter(POLICY, '  podSelector:', '  pod'));
    assert.ok(explanation);
    assert.doesNotMatch(explanation.markdown, /workspace/i);
  });
});
