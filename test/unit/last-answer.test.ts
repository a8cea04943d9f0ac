/** The kept answer of a request: returned for the same key, dropped for another. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { LastAnswer } from '../../server/src/lsp/last-answer';

test('an answer is kept for its key only', () => {
  const last = new LastAnswer<{ cells: number }>();
  assert.equal(last.get('1|false|{}'), undefined);
  const answer = { cells: 4 };
  last.set('1|false|{}', answer);
  assert.equal(last.get('1|false|{}'), answer);
  assert.equal(last.get('2|false|{}'), undefined, 'a newer workspace version');
  assert.equal(last.get('1|false|{"ports":"tcp-80"}'), undefined, 'other parameters');
  last.set('2|false|{}', { cells: 5 });
  assert.equal(last.get('1|false|{}'), undefined, 'only the last answer is kept');
});
