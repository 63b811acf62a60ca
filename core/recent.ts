// A memo of the last few values computed, for what a thread reads again soon after (a report's
// text while its hits are cut, its passages while a page is built) but must not keep for every
// report of the corpus: holding them all is the memory the corpus image saves (issue 13).

/** `make`, remembering its last `size` answers (least recently used dropped first). */
export function recentlyRead<K, V>(size: number, make: (key: K) => V): (key: K) => V {
  const recent = new Map<K, V>(); // insertion order = use order: a hit is moved to the end
  return (key) => {
    let v = recent.get(key);
    if (v !== undefined) {
      recent.delete(key);
      recent.set(key, v);
      return v;
    }
    v = make(key);
    recent.set(key, v);
    if (recent.size > size) recent.delete(recent.keys().next().value!);
    return v;
  };
}
