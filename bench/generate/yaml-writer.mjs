// @ts-check
/**
 * Writes YAML text line by line. The generator writes text directly instead of
 * serialising objects, so it controls what real hand-written manifests contain and a
 * serialiser would drop: comments, flow-style lists, and varied key order.
 */
export class YamlWriter {
  /** @type {string[]} */
  lines = [];

  /**
   * One line at an indentation level (two spaces each), with an optional trailing comment.
   * @param {number} level
   * @param {string} text
   * @param {string} [comment]
   */
  line(level, text, comment) {
    this.lines.push(`${'  '.repeat(level)}${text}${comment ? `  # ${comment}` : ''}`);
  }

  /**
   * A full-line comment, as people put above a document or a rule.
   * @param {number} level
   * @param {string} text
   */
  comment(level, text) {
    this.lines.push(`${'  '.repeat(level)}# ${text}`);
  }

  /** Starts a new document unless this is the first one. */
  separator() {
    if (this.lines.length > 0) this.lines.push('---');
  }

  /**
   * A `key:` line followed by `key: value` lines, one level deeper.
   * @param {number} level
   * @param {string} key
   * @param {Record<string, string>} entries
   */
  map(level, key, entries) {
    this.line(level, `${key}:`);
    for (const [name, value] of Object.entries(entries)) this.line(level + 1, `${name}: ${value}`);
  }

  get lineCount() {
    return this.lines.length;
  }

  toString() {
    return `${this.lines.join('\n')}\n`;
  }
}
