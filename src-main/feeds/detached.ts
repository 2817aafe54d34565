// Strings a parser hands out are usually cut from the document: V8 keeps such a substring as a
// view into the whole text (a "sliced string"), so a 90-character title keeps a whole feed
// alive for as long as the title lives. Items outlive their feed text: they wait for the
// outbox's fsync, cross IPC and their ids stay in the poll state. What is kept therefore gets
// its own copy, and the feed text can go as soon as it is parsed (with a thousand sources a
// cycle, those texts otherwise pile up in the old generation between two full collections).

/**
 * `text` as a string of its own, sharing no memory with the string it was cut from. Strings
 * shorter than 13 UTF-16 units are never views in V8 (they are always copied), so they are
 * returned as they are.
 */
export function detached(text: string): string {
  if (text.length < 13) return text;
  // Slicing a joined string makes V8 first write the joined text into one new flat string, and
  // the slice is a view into that copy, not into the document.
  return (text + ' ').slice(0, -1);
}

export function detachedOrNull(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : detached(text);
}
