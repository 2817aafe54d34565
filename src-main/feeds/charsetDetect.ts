// Guessing a single-byte Cyrillic charset when the server and the document say nothing or lie.
// windows-1251 and KOI8-R put the same letters on different bytes, with upper and lower case
// swapped, so each wrong guess still "decodes" without errors. Only what the text reads like
// tells them apart: real Russian/Kazakh prose is mostly lower-case and full of о, е, а, и, н.
import iconv from 'iconv-lite';

/** Relative frequency (per mille) of Russian letters in running text. */
const LETTER_WEIGHT: Record<string, number> = {
  о: 110, е: 85, а: 80, и: 74, н: 67, т: 63, с: 55, р: 47, в: 45, л: 44, к: 35, м: 32, д: 30, п: 28, у: 26, я: 20,
  ы: 19, ь: 17, г: 17, з: 16, б: 16, ч: 14, й: 12, х: 10, ж: 9, ш: 7, ю: 6, ц: 5, щ: 4, э: 3, ф: 3, ъ: 1, ё: 1, і: 5,
};

export const CYRILLIC_CANDIDATES = ['windows-1251', 'koi8-r'] as const;

/**
 * How much a decoded text reads like Cyrillic prose. A wrong table turns words into case
 * salad ("тНЙЮЕБ") or mixes scripts inside a word ("cafй"); right ones keep word shapes and
 * frequent letters. U+FFFD counts heavily against a candidate.
 */
export function cyrillicScore(text: string): number {
  let score = 0;
  for (const char of text) if (char === '\ufffd') score -= 50;
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    let cyrillic = 0;
    let latin = 0;
    let weightSum = 0;
    for (const char of word) {
      const weight = LETTER_WEIGHT[char.toLowerCase()];
      if (weight !== undefined) {
        cyrillic++;
        weightSum += char === char.toLowerCase() ? weight : weight * 0.8;
      } else if (/[A-Za-z]/.test(char)) latin++;
    }
    if (cyrillic === 0) continue;
    if (latin > 0) {
      score -= 50;
      continue;
    }
    const rest = word.slice(1);
    const wellShaped = word === word.toLowerCase() || word === word.toUpperCase() || rest === rest.toLowerCase();
    score += wellShaped ? weightSum / cyrillic : -20 * cyrillic;
  }
  return score;
}

export interface CharsetGuess {
  charset: string;
  score: number;
}

/** Picks the candidate whose decoding reads most like Cyrillic prose. */
export function guessCyrillicCharset(bytes: Buffer, candidates: readonly string[] = CYRILLIC_CANDIDATES): CharsetGuess {
  let best: CharsetGuess = { charset: candidates[0] ?? 'windows-1251', score: -Infinity };
  for (const charset of candidates) {
    const score = cyrillicScore(iconv.decode(bytes, charset));
    if (score > best.score) best = { charset, score };
  }
  return best;
}
