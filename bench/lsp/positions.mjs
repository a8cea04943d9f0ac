// @ts-check
/**
 * Where the benchmark edits and hovers, found by text so the same rule works on every
 * generated size: selector keys for hovers and completions, a label value near the
 * middle of the file for edits.
 */

/**
 * LSP positions: 0-based line, UTF-16 character.
 * @typedef {{ line: number, character: number }} Position
 * @typedef {{ start: Position, end: Position }} Range
 */

const SELECTOR_KEY = /^(\s*(?:- )?)(podSelector|namespaceSelector|matchLabels|matchExpressions)\s*:/;
const LABEL_VALUE = /^\s+app: [a-z]+$/;

/**
 * Every selector key in the text, the position a couple of characters into the key.
 * @param {string[]} lines
 * @returns {Position[]}
 */
function selectorKeys(lines) {
  /** @type {Position[]} */
  const found = [];
  lines.forEach((text, line) => {
    const match = SELECTOR_KEY.exec(text);
    if (match) found.push({ line, character: match[1].length + 2 });
  });
  return found;
}

/**
 * `count` selector-key positions spread evenly from the top to the bottom of the file;
 * a small file has fewer keys than `count`, so its keys are visited repeatedly.
 * @param {string} text
 * @param {number} count
 * @returns {Position[]}
 */
export function hoverPositions(text, count) {
  const keys = selectorKeys(text.split('\n'));
  if (keys.length === 0) throw new Error('The manifest has no selector keys to hover over.');
  return Array.from({ length: count }, (_, i) => (keys.length >= count ? keys[Math.floor((i * keys.length) / count)] : keys[i % keys.length]));
}

/**
 * For each line, whether it belongs to a `---` document of kind NetworkPolicy.
 * @param {string[]} lines
 */
function policyLines(lines) {
  /** @type {boolean[]} */
  const inPolicy = new Array(lines.length).fill(false);
  for (let start = 0; start < lines.length; ) {
    let end = start;
    while (end < lines.length && lines[end] !== '---') end++;
    const isPolicy = lines.slice(start, end).includes('kind: NetworkPolicy');
    for (let line = start; line < end; line++) inPolicy[line] = isPolicy;
    start = end + 1;
  }
  return inPolicy;
}

/**
 * The end of the `app: <name>` line of a NetworkPolicy nearest the middle of the file:
 * people type in policies, and typing there changes a selector value, which keeps the
 * YAML valid and the diagnostics the same.
 * @param {string} text
 * @returns {Position}
 */
export function middleEditPosition(text) {
  const lines = text.split('\n');
  const inPolicy = policyLines(lines);
  const middle = Math.floor(lines.length / 2);
  for (let distance = 0; distance < lines.length; distance++) {
    for (const line of [middle + distance, middle - distance]) {
      if (line >= 0 && line < lines.length && inPolicy[line] && LABEL_VALUE.test(lines[line])) return { line, character: lines[line].length };
    }
  }
  throw new Error('The manifest has no NetworkPolicy with an `app: <name>` line to edit.');
}
