/**
 * Glob patterns as VS Code's `files.exclude` writes them (`**`, `*`, `?`,
 * `{a,b}`, `[abc]`), matched against a path relative to its workspace folder
 * with `/` separators. A pattern that matches a folder excludes what is in it.
 */

export type PathMatcher = (relativePath: string) => boolean;

function compileGlob(pattern: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      // `**/` matches zero or more folders; a trailing `**` matches everything below.
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '{') {
      braces++;
      source += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (ch === ',' && braces > 0) source += '|';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else source += ch.replace(/[.+^$()|\\]/g, '\\$&');
  }
  source += ')'.repeat(braces);
  return new RegExp(`^${source}$`);
}

/** True when the path, or any folder above it, matches one of the patterns. */
export function excludeMatcher(patterns: readonly string[]): PathMatcher {
  const regexes = patterns.filter((p) => p.trim() !== '').map((p) => compileGlob(p.replace(/^\.\//, '').replace(/\/$/, '')));
  return (relativePath) => {
    if (regexes.length === 0) return false;
    const parts = relativePath.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (regexes.some((r) => r.test(prefix))) return true;
    }
    return false;
  };
}

/**
 * `files.exclude` is an object of pattern -> true/false, or -> `{ when }`, which
 * depends on sibling files; those are not applied, so such files stay indexed.
 */
export function filesExcludePatterns(setting: unknown): string[] {
  if (!setting || typeof setting !== 'object') return [];
  return Object.entries(setting as Record<string, unknown>)
    .filter(([, enabled]) => enabled === true)
    .map(([pattern]) => pattern);
}

/** `netpolLens.exclude`: a list of globs (a single string is accepted too). */
export function globList(setting: unknown): string[] {
  if (typeof setting === 'string') return [setting];
  return Array.isArray(setting) ? setting.filter((s): s is string => typeof s === 'string') : [];
}
