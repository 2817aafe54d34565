// What a text is made of for "same story" purposes: the analyser's keys, reduced to one canonical
// key per content word (so inflections, Kazakh suffixes and Serbian Latin/Cyrillic meet), and a
// set of language-neutral anchors (names in cross-script skeleton form, numbers) that let the
// Russian, Kazakh and English reports of one event find each other.
import { KEY, normalizeLanguage, tokenize, wordInfoFor, type Token, type WordInfo } from '../text';
import { isAnchorStopword, isStopword } from './stopwords';

export interface StoryText {
  title: string | null | undefined;
  text: string | null | undefined;
  language: string | null | undefined;
}

export interface Features {
  /** Canonical keys of the content words, in reading order (title, then text). */
  words: string[];
  /** Index in `words` where the text starts; shingles never span title and text. */
  textStart: number;
  /** Names (cross-script skeletons) → how often they occur. */
  names: Map<string, number>;
  /** Figures (numbers of two or more digits, decimals as '9.1') → how often they occur. */
  numbers: Map<string, number>;
}

const DIGITS = /^\p{N}+$/u;

/** The canonical key of one word, or null for stopwords and fragments too short to mean anything. */
function canonical(token: Token, analyse: (form: string) => WordInfo, kazakh: boolean): string | null {
  const form = token.form;
  if (DIGITS.test(form)) return 'n:' + form.replace(/^0+(?=\d)/, '');
  if (form.length < 3 || isStopword(form)) return null;
  const info = analyse(form);
  const stems = info.stemKeys;
  if (info.script === 'latin') {
    // Serbian Latin is read as Cyrillic by the analyser (c: key after the l: one), so N1's Latin
    // and RTS's Cyrillic copy of the same agency text produce the same keys.
    for (let i = stems.length - 1; i > 0; i--) if (stems[i]!.startsWith(KEY.cyrillicStem)) return stems[i]!;
    return stems[0] ?? null;
  }
  // Kazakh words: the stems of the peeled variants follow the word's own, the most peeled near the
  // end (Тоқаевтың → токаев); taking the last makes the inflected forms of a word meet.
  if (kazakh) return stems[stems.length - 1] ?? null;
  return stems[0] ?? null;
}

// A capital after a sentence end says nothing about a name; everywhere else it usually does.
const SENTENCE_END = /(?:^|[.!?…:\n])[\s"«»“”'()[\]–—-]*$/;

/** Does a title capitalise most of its words (English headline style)? Then capitals there are not names. */
function titleCased(tokens: readonly Token[]): boolean {
  let words = 0;
  let capitals = 0;
  for (const t of tokens) {
    if (t.script !== 'latin' || t.form.length < 4 || DIGITS.test(t.form)) continue;
    words++;
    if (t.capitalised) capitals++;
  }
  return words >= 3 && capitals / words > 0.6;
}

function addAnchors(text: string, tokens: readonly Token[], analyse: (form: string) => WordInfo, kazakh: boolean, features: Features, namesToo: boolean): void {
  const count = (into: Map<string, number>, key: string) => into.set(key, (into.get(key) ?? 0) + 1);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (DIGITS.test(t.form)) {
      const next = tokens[i + 1];
      const integer = t.form.replace(/^0+(?=\d)/, '');
      if (next && DIGITS.test(next.form) && /^[.,]$/.test(text.slice(t.end, next.start))) {
        // 9,1 млн and 9.1 million are one figure whichever decimal mark the language uses.
        count(features.numbers, `#${integer}.${next.form}`);
        i++;
      } else if (t.form.length >= 2) {
        // One-digit numbers (1 января, 3 человека) are too common to say anything about a story.
        count(features.numbers, '#' + integer);
      }
    } else if (namesToo && t.capitalised && t.form.length >= 3 && !isStopword(t.form)) {
      if (SENTENCE_END.test(text.slice(Math.max(0, t.start - 4), t.start))) continue;
      const cross = analyse(t.form).cross;
      // A Kazakh word's skeletons run from the whole word to its peeled stems (Тоқаевпен →
      // tokaevpen, tokaev); the shortest is what other languages write.
      const key = kazakh ? cross.reduce((a, b) => (b.length < a.length ? b : a), cross[0] ?? '') : cross[0];
      if (key && !isAnchorStopword(key)) count(features.names, key);
      if (!kazakh) for (let j = 1; j < cross.length; j++) if (!isAnchorStopword(cross[j]!)) count(features.names, cross[j]!);
    }
  }
}

/** Analyse a title and text into story features. Pure; never throws. */
export function extractFeatures(item: StoryText): Features {
  const language = normalizeLanguage(item.language);
  // The language is read once for the whole item, not once per word.
  const analyse = wordInfoFor(language);
  const kazakh = language === 'kk';
  const title = item.title ?? '';
  const text = item.text ?? '';
  const titleTokens = tokenize(title);
  const textTokens = tokenize(text);
  const words: string[] = [];
  for (const t of titleTokens) {
    const k = canonical(t, analyse, kazakh);
    if (k) words.push(k);
  }
  const textStart = words.length;
  for (const t of textTokens) {
    const k = canonical(t, analyse, kazakh);
    if (k) words.push(k);
  }
  const features: Features = { words, textStart, names: new Map(), numbers: new Map() };
  addAnchors(title, titleTokens, analyse, kazakh, features, !titleCased(titleTokens) || textTokens.length === 0);
  addAnchors(text, textTokens, analyse, kazakh, features, true);
  return features;
}
