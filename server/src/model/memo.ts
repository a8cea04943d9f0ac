/**
 * Memoises a reader per input object. After an edit, the documents the edit did
 * not touch are the very same objects, their spans reading their new offsets
 * (parse/document-span.ts), so everything read from them can be reused instead of
 * read again. Keys are
 * held weakly: a document dropped by the next parse takes its results with it.
 */
export function memoByObject<K extends object, V>(read: (key: K) => V): (key: K) => V {
  const results = new WeakMap<K, { readonly value: V }>();
  return (key: K): V => {
    const cached = results.get(key);
    if (cached) return cached.value;
    const value = read(key);
    results.set(key, { value });
    return value;
  };
}
