// Letter-level folding: Kazakh and Serbian Cyrillic to Russian look-alikes, Latin diacritics to
// ASCII, Serbian Latin to Cyrillic, and the cross-script "skeleton" that lets a name written in
// either script meet itself. All functions take lower-cased input.

/** Letters only Kazakh uses among the Cyrillic alphabets we meet (і is shared with Ukrainian). */
export const KAZAKH_LETTERS = /[әғқңөұүһі]/;
/** Letters only Serbian (and Macedonian) Cyrillic uses. */
export const SERBIAN_CYRILLIC_LETTERS = /[ђјљњћџѓќѕ]/;
/** Latin letters that mark a word as Serbian/Croatian/Bosnian Latin. */
export const SERBIAN_LATIN_LETTERS = /[čćšžđ]/;

const CYRILLIC_TO_RUSSIAN: Record<string, string> = {
  // Kazakh
  'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и',
  // Serbian / Macedonian: Вучић must become Вучич, Ђоковић Джокович.
  'ћ': 'ч', 'ђ': 'дж', 'ј': 'й', 'љ': 'ль', 'њ': 'нь', 'џ': 'дж', 'ѓ': 'г', 'ќ': 'к', 'ѕ': 'з',
  // Ukrainian / Belarusian, and ё which Russian writes as е half the time.
  'є': 'е', 'ї': 'и', 'ґ': 'г', 'ў': 'у', 'ё': 'е',
};
const NON_RUSSIAN_CYRILLIC = /[әғқңөұүһіђјљњћџѓќѕєїґўё]/;

/** Kazakh/Serbian/Ukrainian Cyrillic → the Russian letters a Russian stemmer understands. */
export function russify(word: string): string {
  if (!NON_RUSSIAN_CYRILLIC.test(word)) return word;
  // Serbian ја/је/ју are Russian я/е/ю (Југославија = Югославия, Јелена = Елена).
  let out = word.includes('ј') ? word.replace(/ј([аеу])/g, (_m, v: string) => (v === 'а' ? 'я' : v === 'е' ? 'е' : 'ю')) : word;
  out = out.replace(NON_RUSSIAN_CYRILLIC_G, (ch) => CYRILLIC_TO_RUSSIAN[ch] ?? ch);
  return out;
}
const NON_RUSSIAN_CYRILLIC_G = new RegExp(NON_RUSSIAN_CYRILLIC.source, 'g');

const LATIN_SPECIAL: Record<string, string> = {
  'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'dj', 'ı': 'i', 'þ': 'th', 'ð': 'd', 'ŋ': 'ng',
};
const LATIN_SPECIAL_G = /[ßæœøłđıþðŋ]/g;
const COMBINING = /\p{M}/gu;
const ASCII_ONLY = /^[\u0020-\u007e]*$/;

/** Latin with diacritics → ASCII (Vučić → vucic, Đoković → djokovic, Qazaqstan stays). */
export function asciiFold(word: string): string {
  if (ASCII_ONLY.test(word)) return word;
  return word.replace(LATIN_SPECIAL_G, (ch) => LATIN_SPECIAL[ch] ?? ch).normalize('NFD').replace(COMBINING, '');
}

const SERBIAN_LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'ц', 'č': 'ч', 'ć': 'ч', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'х', i: 'и', j: 'й', k: 'к', l: 'л',
  m: 'м', n: 'н', o: 'о', p: 'п', q: 'к', r: 'р', s: 'с', 'š': 'ш', t: 'т', u: 'у', v: 'в', w: 'в', x: 'кс', y: 'и',
  z: 'з', 'ž': 'ж',
};

/**
 * Serbian/Croatian Latin → Russian-looking Cyrillic, so that "Vučićem" stems like "Вучичем"
 * (Serbian and Russian decline names alike). Matches what {@link russify} does to Serbian Cyrillic.
 */
export function serbianLatinToCyrillic(word: string): string {
  const w = word
    .replace(/dž|đ/g, 'дж')
    .replace(/lj/g, 'ль')
    .replace(/nj/g, 'нь')
    .replace(/j([aeu])/g, (_m, v: string) => (v === 'a' ? 'я' : v === 'e' ? 'е' : 'ю'));
  let out = '';
  for (const ch of w) out += SERBIAN_LATIN_TO_CYRILLIC[ch] ?? (ch >= 'а' && ch <= 'я' ? ch : ch === 'ь' ? ch : '');
  return out;
}

// Russian Cyrillic → an English-looking romanisation, the first half of the skeleton.
const CYRILLIC_TO_LATIN: Record<string, string> = {
  'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ж': 'zh', 'з': 'z', 'и': 'i', 'й': 'y', 'к': 'k',
  'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ф': 'f', 'х': 'kh',
  'ц': 'ts', 'ч': 'ch', 'ш': 'sh', 'щ': 'shch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'yu', 'я': 'ya',
};

const SKELETON_DIACRITICS: Record<string, string> = {
  'ž': 'zh', 'š': 'sh', 'č': 'ch', 'ć': 'ch', 'đ': 'dj', 'ş': 'sh', 'ç': 'ch',
};
const SKELETON_DIACRITICS_G = /[žščćđşç]/g;

/**
 * Endings stripped from a skeleton so inflected names meet their base: Russian/Serbian declension
 * of names (Вучича, Вучичем, Токаевым, Астаной, Сербией) and English -'s. Longest first. -ov/-ev
 * stay: they are the surname (Tokayev, Lavrov).
 */
const SKELETON_ENDINGS = ['iami', 'iah', 'iei', 'ami', 'iam', 'ah', 'am', 'om', 'em', 'oi', 'ei', 'im', 'iu', 'ia', 'ii', 'ie', 'a', 'e', 'i', 'o', 'u'];

/** Exonym/spelling pairs the letter rules cannot reach; applied to whole skeletons. */
const SKELETON_ALIASES: Record<string, string> = {
  kazakstan: 'kazahstan', // Қазақстан, Qazaqstan = Казахстан, Kazakhstan
};

/**
 * The cross-script key of a word: lower-case Cyrillic (already russified) or Latin in, a coarse
 * Latin skeleton out, in which the usual spellings of one name coincide:
 *   Вучич, Вучић, Vučić, Vucic, Vuchich → vuCiC;  Токаев, Тоқаев, Tokayev, Toqaev → tokaev;
 *   Ақорда, Акорда, Akorda → akord;  Касым-Жомарт, Kassym-Jomart, Zhomart → kasim, Jomart.
 * Upper-case placeholders keep classes apart: C = ч/ć/č/ch/c, J = ж/дж/ђ/џ/zh/j/dj, S = ш/щ/sh.
 * It is deliberately lossy (ы = и = y, doubled letters collapse), so the analyser only uses it
 * between scripts and for name variants, never between two Cyrillic words. Returns '' when the
 * word is too short to be a safe key.
 */
export function skeleton(word: string): string {
  let s = '';
  const w = word.replace(/дж/g, 'J');
  for (const ch of w) s += CYRILLIC_TO_LATIN[ch] ?? ch;
  if (!ASCII_ONLY.test(s)) {
    s = s.replace(SKELETON_DIACRITICS_G, (ch) => SKELETON_DIACRITICS[ch] ?? ch);
    s = asciiFold(s);
  }
  s = s.replace(/['’ʼ]s?$/, '').replace(/['’ʼ]/g, '');
  s = s
    .replace(/shch/g, 'S')
    .replace(/dzh|dj|zh|j/g, 'J')
    .replace(/kh/g, 'h')
    .replace(/sh/g, 'S')
    .replace(/t?ch/g, 'C')
    .replace(/ck/g, 'k')
    .replace(/c/g, 'C')
    .replace(/th/g, 't')
    .replace(/ph/g, 'f')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1')
    // A glide between vowels or before a vowel at the start is the й of Токаев/Tokayev/Ерлан/Yerlan.
    .replace(/([aeiou])i(?=[aeou])/g, '$1')
    .replace(/^i(?=[aeou])/, '');
  for (const ending of SKELETON_ENDINGS) {
    if (s.length - ending.length >= 3 && s.endsWith(ending)) {
      s = s.slice(0, -ending.length);
      break;
    }
  }
  s = SKELETON_ALIASES[s] ?? s;
  return s.length >= 3 ? s : '';
}

// Kazakh is agglutinative: stem + plural + possessive + case. Names in Kazakh text carry case
// endings (Ақордада, Ақордаға, Тоқаевтың, Сербиямен, Астанадағы). We strip at most one suffix of
// each layer, case first, and keep every intermediate form as an extra variant, never a
// replacement: "Ақорда" itself ends in -да.
const KAZAKH_CASE = [
  'ндағы', 'ндегі', 'менен', 'бенен', 'пенен',
  'дағы', 'дегі', 'тағы', 'тегі',
  'ның', 'нің', 'дың', 'дің', 'тың', 'тің', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'мен', 'бен', 'пен', 'нда', 'нде',
  'ға', 'ге', 'қа', 'ке', 'да', 'де', 'та', 'те', 'ны', 'ні', 'ды', 'ді', 'ты', 'ті',
];
const KAZAKH_POSSESSIVE = ['ымыз', 'іміз', 'мыз', 'міз', 'сы', 'сі', 'ым', 'ім', 'ың', 'ің', 'ы', 'і'];
const KAZAKH_PLURAL = ['лар', 'лер', 'дар', 'дер', 'тар', 'тер'];
const KAZAKH_MIN_STEM = 3;

function stripOne(word: string, suffixes: readonly string[]): string | null {
  for (const suffix of suffixes) {
    if (word.length - suffix.length >= KAZAKH_MIN_STEM && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return null;
}

/**
 * Forms of a lower-case Kazakh word with its case, possessive and plural suffixes peeled off, one
 * layer at a time (Тоқаевтың → [тоқаев]; Президентінің → [президенті, президент]). Does not
 * include the word itself. Dative -на/-не is only taken after a possessive (Банкіне), since
 * Астана would otherwise lose its -на; -стан is never read as the ablative -тан.
 */
export function kazakhVariants(word: string): string[] {
  const out: string[] = [];
  let w = word;
  // -стан is a country (Қазақстан, Өзбекстан), not an ablative -тан.
  const afterCase = (w.endsWith('стан') ? null : stripOne(w, KAZAKH_CASE)) ?? (/[ыі]н[ае]$/.test(w) && w.length - 2 >= KAZAKH_MIN_STEM ? w.slice(0, -2) : null);
  if (afterCase) out.push((w = afterCase));
  // A lone -ы/-і possessive is only believable when a case ending followed it.
  const possessive = afterCase ? KAZAKH_POSSESSIVE : KAZAKH_POSSESSIVE.slice(0, -2);
  const afterPossessive = stripOne(w, possessive);
  if (afterPossessive) out.push((w = afterPossessive));
  const afterPlural = stripOne(w, KAZAKH_PLURAL);
  if (afterPlural) out.push(afterPlural);
  return out;
}
