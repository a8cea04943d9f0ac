// @ts-check
/**
 * A tiny seeded random source. The benchmark must measure the same manifests on every
 * run and every machine, so nothing here may depend on Math.random or the clock.
 */

/**
 * mulberry32: small, fast, and good enough to vary shapes; not for cryptography.
 * @param {number} seed
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  /** @returns {number} a float in [0, 1) */
  function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  return {
    next,
    /** An integer in [min, max], both included. */
    int: (/** @type {number} */ min, /** @type {number} */ max) => min + Math.floor(next() * (max - min + 1)),
    /** True with the given probability. */
    chance: (/** @type {number} */ probability) => next() < probability,
    /**
     * One element of a non-empty list.
     * @template T
     * @param {readonly T[]} items
     * @returns {T}
     */
    pick: (items) => items[Math.floor(next() * items.length)],
    /**
     * `count` distinct elements, in list order so the output reads naturally.
     * @template T
     * @param {readonly T[]} items
     * @param {number} count
     * @returns {T[]}
     */
    sample: (items, count) => {
      const chosen = new Set();
      while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(next() * items.length));
      return [...chosen].sort((a, b) => a - b).map((i) => items[i]);
    },
  };
}

/** @typedef {ReturnType<typeof createRandom>} Random */
