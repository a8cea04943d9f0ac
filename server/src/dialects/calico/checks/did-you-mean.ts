/**
 * The closest known word to a misspelt one, for Calico's "did you mean" hints on
 * field names and on values (actions, policy types).
 *
 * This policy differs from the Kubernetes one (the Kubernetes dialect's schema/did-you-mean.ts) on
 * purpose: Calico's words include short enum values ("Log", "Pass") and long field
 * names alike, so the allowed distance grows with the word, and there are no
 * curated aliases. The distance itself is the shared one.
 */
import { editDistance } from '../../../core/text/edit-distance';

/** The candidate closest to `word`, if it is close enough to be a likely typo (case is ignored). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // One edit per three letters (at least one, at most three) catches typos without wild guesses.
  const allowed = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  return bestDistance <= allowed ? best : undefined;
}
