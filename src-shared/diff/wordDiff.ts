// Word-level differences between two versions of a title or text ("the outlet edited this").
import { diffArrays } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

// A token is a word (letters of any script, marks, digits, inner apostrophes and hyphens) or one
// other character, each carrying the whitespace that follows it. jsdiff's own diffWords only
// knows Latin letters, so it would diff Тоқаев against Токаев letter by letter; and its whitespace
// repair does not give back the exact texts, which a reader showing both versions needs.
const TOKEN = /(?:[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*|[^\s])\s*|\s+/gu;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const core = (token: string) => token.trimEnd();

/** Beyond this the text has been rewritten, not edited: one removed and one added part say it best. */
const TIMEOUT_MS = 1500;

/**
 * The words of `before` and `after` as same / removed / added runs, in reading order. Joining the
 * 'same' and 'removed' texts gives exactly `before`; 'same' and 'added' give exactly `after`.
 * Adjacent runs of one kind are merged; a removed run comes before the added run that replaces it.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const out: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else if (kind === 'removed' && last?.kind === 'added') {
      // Keep "removed, then added" order within one change, whatever order the tokens came in.
      const prev = out[out.length - 2];
      if (prev?.kind === 'removed') prev.text += text;
      else out.splice(out.length - 1, 0, { kind, text });
    } else out.push({ kind, text });
  };
  if (before === after) {
    push('same', before);
    return out;
  }
  const changes = diffArrays(tokens(before), tokens(after), { comparator: (l: string, r: string) => core(l) === core(r), timeout: TIMEOUT_MS });
  if (!changes) {
    push('removed', before);
    push('added', after);
    return out;
  }
  // Equal tokens may differ in the whitespace after them: take each side's own tokens by position.
  const oldTokens = tokens(before);
  const newTokens = tokens(after);
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const n = c.value.length;
    if (c.added) {
      push('added', newTokens.slice(j, j + n).join(''));
      j += n;
    } else if (c.removed) {
      push('removed', oldTokens.slice(i, i + n).join(''));
      i += n;
    } else {
      for (let k = 0; k < n; k++) {
        const l = oldTokens[i++] ?? '';
        const r = newTokens[j++] ?? '';
        if (l === r) push('same', l);
        else {
          const word = core(l);
          push('same', word);
          push('removed', l.slice(word.length));
          push('added', r.slice(word.length));
        }
      }
    }
  }
  return tidy(out);
}

/** A replaced word keeps the space after it on both sides: show that space as unchanged. */
function tidy(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    const next = parts[k + 1];
    if (p.kind === 'removed' && next?.kind === 'added') {
      const ws = commonTrailingSpace(p.text, next.text);
      if (ws && ws.length < p.text.length && ws.length < next.text.length) {
        out.push({ kind: 'removed', text: p.text.slice(0, -ws.length) }, { kind: 'added', text: next.text.slice(0, -ws.length) });
        const after = parts[k + 2];
        if (after?.kind === 'same') {
          out.push({ kind: 'same', text: ws + after.text });
          k += 2;
        } else {
          out.push({ kind: 'same', text: ws });
          k += 1;
        }
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

function commonTrailingSpace(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && /\s/.test(a[a.length - 1 - n]!) && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n ? a.slice(a.length - n) : '';
}

/** Has anything but whitespace changed? (An outlet re-saving an item with new spacing did not edit it.) */
export function wordsChanged(before: string, after: string): boolean {
  return before.trim().split(/\s+/).join(' ') !== after.trim().split(/\s+/).join(' ');
}
