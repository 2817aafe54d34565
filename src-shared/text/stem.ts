// Snowball stemmers plus the repairs Russian names and place names need.
import { newStemmer } from 'snowball-stemmers';

const russian = newStemmer('russian');
const english = newStemmer('english');

/** Nominal endings removed before a second stemming pass (see {@link russianStems}). */
const RUSSIAN_NOMINAL_ENDING = /(?:ией|иями|ями|ами|иях|ях|ах|ием|ем|ом|ой|ей|ым|им|ий|ый|ою|ею|ам|ям|ия|ию|ии|ие|ые|ья|ью|ье|а|я|о|е|у|ю|ы|и)$/;

/**
 * Stems of a lower-case Russian (russified) word; the first is plain Snowball.
 *
 * Snowball alone splits names the press writes about: Астана → аста but Астане → астан, Иван → ива
 * but Ивана → иван (it reads -на/-н as verb endings), Токаев → тока but Токаева → токаев (it reads
 * -ев as a genitive plural). So every word also gets
 *  - the Snowball stem of the word with its nominal ending removed (Астаной → астан → аста), and
 *  - when Snowball removed a final -ов/-ев, the word itself (Токаев → токаев).
 * Any one shared stem is a match, so the forms of one name always share one.
 */
export function russianStems(word: string): string[] {
  const primary = snowballRussian(word);
  const out = [primary];
  const m = RUSSIAN_NOMINAL_ENDING.exec(word);
  if (m && word.length - m[0].length >= 3) {
    const second = snowballRussian(word.slice(0, -m[0].length));
    if (second !== primary) out.push(second);
  }
  if ((word.endsWith('ов') || word.endsWith('ев')) && primary.length === word.length - 2 && word.length >= 5) out.push(word);
  return out;
}

/**
 * Snowball reads a final -ит as the verb ending of "говорит", which cuts the news nouns визит,
 * саммит, кредит, транзит down to виз/самм/кред/транз (and визит then meets виза). Keeping
 * such words whole costs only the 3rd-person verb form its link to the rest of the verb.
 */
function snowballRussian(word: string): string {
  const stem = russian.stem(word);
  if (word.length >= 5 && word.endsWith('ит') && stem.length === word.length - 2) return word;
  return stem;
}

/** Snowball English (Porter2) of an ASCII-folded lower-case word. */
export function englishStem(word: string): string {
  return english.stem(word);
}
