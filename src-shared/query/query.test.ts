/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import reference from '../../resources/reference/zakon-2026-02-26-tokayev-vucic-briefing.txt?raw';
import { analyzeDocument, describeQuery, highlightRanges, matchDocument, parseQuery, planQuery, QUERY_SYNTAX_HELP, runPlan, usesField, type IndexLookup, type Query } from './index';
import { indexTerms } from '../text/index';

function q(input: string): Query {
  const r = parseQuery(input);
  if (!r.ok) throw new Error(`${input}: ${r.error.code} ${r.error.message}`);
  return r.query;
}

function err(input: string) {
  const r = parseQuery(input);
  if (r.ok) throw new Error(`${input} parsed as ${describeQuery(r.query)}`);
  return r.error;
}

// Snippets of the Zakon.kz report of 26 Feb 2026 and of items modelled on other outlets.
const zakon = analyzeDocument({
  title: 'Токаев и Вучич провели брифинг для СМИ',
  summary: 'После переговоров и награждения президент Казахстана Касым-Жомарт Токаев и президент Сербии Александр Вучич провели брифинг для представителей средств массовой информации (СМИ), сообщает Zakon.kz.',
  text: '"Сегодня я вручил Александру Вучичу высшую награду – орден "Алтын Қыран". Это свидетельствует об искренней симпатии и глубоком уважении казахского народа к вам и всему народу Сербии." Мы уже рассказывали, что Вучич прилетел в Астану 26 февраля 2026 года.',
  sourceName: 'Zakon.kz',
  sourceId: 'zakon',
  tags: ['Визит Вучича', 'Сербия'],
  language: 'ru',
});
const akordaKk = analyzeDocument({
  title: 'Мемлекет басшысы Ақордада Сербия Президенті Александр Вучичті қарсы алды',
  text: 'Қасым-Жомарт Тоқаевтың Сербия Президентімен келіссөздері Ақордада өтті. Тараптар Қазақстан мен Сербия арасындағы ынтымақтастықты талқылады.',
  sourceName: 'Akorda (kk)',
  language: 'kk',
});
const astanaTimes = analyzeDocument({
  title: 'Tokayev, Vučić discuss trade and AI cooperation in Astana',
  text: "Kazakh President Kassym-Jomart Tokayev met with Serbian President Aleksandar Vucic at the Akorda. Kazakhstan's exports to Serbia grew.",
  sourceName: 'The Astana Times',
  language: 'en',
  tags: [],
});
const serbian = analyzeDocument({
  title: 'Vučić u Astani: sastanak sa Tokajevim',
  text: 'Predsednik Srbije Aleksandar Vučić razgovarao je sa predsednikom Kazahstana Kasim-Žomartom Tokajevim.',
  sourceName: 'RTS',
  language: 'sr-Latn',
});
const tennis = analyzeDocument({
  title: 'Джокович выиграл турнир в Астане',
  text: 'Сербский теннисист Новак Джокович стал победителем турнира. Серебро досталось казахстанцу.',
  sourceName: 'Vesti.kz',
  language: 'ru',
});
const silver = analyzeDocument({ title: 'Цены на серебро выросли', text: 'Серебро подорожало на бирже.', sourceName: 'Kursiv', language: 'ru' });
const all = { zakon, akordaKk, astanaTimes, serbian, tennis, silver };
type Name = keyof typeof all;

function hits(input: string): Name[] {
  const query = q(input);
  return (Object.keys(all) as Name[]).filter((name) => matchDocument(query, all[name]));
}

describe('matchDocument', () => {
  it('finds Vučić in every script, spelling and inflection', () => {
    expect(hits('Вучич')).toEqual(['zakon', 'akordaKk', 'astanaTimes', 'serbian']);
    expect(hits('Vucic')).toEqual(['zakon', 'akordaKk', 'astanaTimes', 'serbian']);
    expect(hits('Вучић')).toEqual(['zakon', 'akordaKk', 'astanaTimes', 'serbian']);
  });

  it('finds Tokayev and the Akorda across Kazakh, Russian and English', () => {
    expect(hits('Токаев')).toEqual(['zakon', 'akordaKk', 'astanaTimes', 'serbian']);
    expect(hits('Toqaev')).toEqual(['zakon', 'akordaKk', 'astanaTimes', 'serbian']);
    expect(hits('Акорда')).toEqual(['akordaKk', 'astanaTimes']);
    expect(hits('Ақордада')).toEqual(['akordaKk', 'astanaTimes']);
  });

  it('does not confuse серебро with Сербия', () => {
    expect(hits('Сербия')).toEqual(['zakon', 'akordaKk', 'astanaTimes']);
    expect(hits('серебро')).toEqual(['tennis', 'silver']);
  });

  it('ANDs words and lets OR bind tighter', () => {
    expect(hits('Вучич Астана')).toEqual(['zakon', 'astanaTimes', 'serbian']);
    expect(hits('Джокович Астана OR Belgrade')).toEqual(['tennis']);
    expect(hits('Вучич AND брифинг')).toEqual(['zakon']);
    expect(hits('брифинг | теннисист')).toEqual(['zakon', 'tennis']);
  });

  it('excludes with NOT and -', () => {
    expect(hits('Астана -Джокович')).toEqual(['zakon', 'astanaTimes', 'serbian']);
    expect(hits('Астана NOT (Вучич OR Tokayev)')).toEqual(['tennis']);
    expect(hits('Сербия -"Алтын Қыран"')).toEqual(['akordaKk', 'astanaTimes']);
  });

  it('matches phrases word by word in order, each by its stem', () => {
    expect(hits('"президент Сербии"')).toEqual(['zakon']);
    expect(hits('"Сербия президент"')).toEqual(['akordaKk']); // Сербия Президенті
    expect(hits('"Алтын Кыран"')).toEqual(['zakon']);
    expect(hits('"Сербии президент"')).toEqual(['akordaKk']);
    expect(hits('"Вучич брифинг"')).toEqual([]);
    expect(hits('Касым-Жомарт')).toEqual(['zakon', 'akordaKk', 'astanaTimes', 'serbian']); // Kasim-Žomartom
    expect(hits('«Алтын Қыран»')).toEqual(['zakon']);
  });

  it('matches prefixes and exact forms', () => {
    expect(hits('серб*')).toEqual(['zakon', 'akordaKk', 'tennis']);
    expect(hits('Vuč*')).toEqual(['astanaTimes', 'serbian']);
    expect(hits('=Сербии')).toEqual(['zakon']);
    expect(hits('=Вучичу')).toEqual(['zakon']);
    expect(hits('=вучич')).toEqual(['zakon']);
    expect(hits('=Vučić')).toEqual(['astanaTimes', 'serbian']);
  });

  it('restricts to fields', () => {
    expect(hits('title:Астана')).toEqual(['astanaTimes', 'serbian', 'tennis']);
    expect(hits('title:(брифинг OR Akorda)')).toEqual(['zakon', 'akordaKk']); // Ақордада
    expect(hits('title:"провели брифинг"')).toEqual(['zakon']);
    expect(hits('source:zakon')).toEqual(['zakon']);
    expect(hits('source:"Astana Times"')).toEqual(['astanaTimes']);
    expect(hits('tag:визит')).toEqual(['zakon']);
    expect(hits('lang:kk')).toEqual(['akordaKk']);
    expect(hits('lang:sr Vučić')).toEqual(['serbian']);
    expect(hits('Вучич lang:en')).toEqual(['astanaTimes']);
    expect(hits('Заголовок:Вучич')).toEqual(['zakon', 'akordaKk', 'astanaTimes', 'serbian']); // Вучичті, Vučić
    expect(hits('TITLE:вучич')).toEqual(hits('title:Вучич'));
  });

  it('never cares about case', () => {
    expect(hits('ВУЧИЧ')).toEqual(hits('вучич'));
    expect(hits('AKORDA')).toEqual(hits('akorda'));
  });
});

describe('parseQuery', () => {
  it('describes the structure it read', () => {
    expect(describeQuery(q('Вучич Астана OR Astana -теннис'))).toBe('(вучич AND (астана OR astana) AND NOT теннис)');
    expect(describeQuery(q('title:"Алтын Қыран" серб* =Сербии lang:KZ'))).toBe('(title:"алтын қыран" AND серб* AND =сербии AND lang:kk)');
    expect(describeQuery(q('Касым-Жомарт'))).toBe('"касым жомарт"');
    expect(describeQuery(q('NOT a b'))).toBe('(NOT a AND b)');
    // A dash between spaces is punctuation pasted from a headline, not a negation.
    expect(describeQuery(q('Токаев - Вучич'))).toBe('(токаев AND вучич)');
    expect(describeQuery(q('Вучич -'))).toBe('вучич');
    expect(describeQuery(q('https://zakon.kz'))).toBe('"https zakon kz"');
  });

  const malformed: Array<[string, string, number, number]> = [
    ['', 'EMPTY_QUERY', 0, 0],
    ['   ', 'EMPTY_QUERY', 0, 3],
    ['— …', 'EMPTY_QUERY', 0, 3],
    ['"Алтын Қыран', 'UNCLOSED_QUOTE', 0, 1],
    ['Вучич «Алтын', 'UNCLOSED_QUOTE', 6, 7],
    ['""', 'EMPTY_PHRASE', 0, 2],
    ['(Вучич OR Vucic', 'UNCLOSED_PAREN', 0, 1],
    ['Вучич)', 'UNMATCHED_PAREN', 5, 6],
    ['Вучич ()', 'EMPTY_GROUP', 6, 8],
    ['Вучич OR', 'DANGLING_OPERATOR', 6, 8],
    ['OR Вучич', 'DANGLING_OPERATOR', 0, 2],
    ['Вучич OR OR Vucic', 'DANGLING_OPERATOR', 6, 8],
    ['(Вучич OR) Астана', 'DANGLING_OPERATOR', 7, 9],
    ['Вучич AND', 'DANGLING_OPERATOR', 6, 9],
    ['Вучич NOT', 'DANGLING_NOT', 6, 9],
    ['title:', 'EMPTY_FIELD', 0, 6],
    ['Вучич title: Астана', 'EMPTY_FIELD', 6, 12],
    ['titel:Вучич', 'UNKNOWN_FIELD', 0, 6],
    ['title:(source:zakon)', 'NESTED_FIELD', 7, 14],
    ['Вуч*ич', 'BAD_WILDCARD', 0, 6],
    ['=Вучич*', 'BAD_WILDCARD', 0, 7],
    ['в*', 'PREFIX_TOO_SHORT', 0, 2],
    ['*', 'EMPTY_TERM', 0, 1],
    ['lang:русский', 'INVALID_LANGUAGE', 5, 12],
    ['-Вучич', 'ONLY_NEGATIONS', 0, 6],
    ['NOT Вучич -Tokayev', 'ONLY_NEGATIONS', 0, 18],
    ['Вучич OR -теннис', 'NEGATION_IN_OR', 0, 16],
    ['x'.repeat(2001), 'TOO_COMPLEX', 2000, 2001],
    [Array.from({ length: 65 }, (_, i) => `w${i}`).join(' '), 'TOO_COMPLEX', 0, 0],
    ['('.repeat(30) + 'a' + ')'.repeat(30), 'TOO_COMPLEX', 0, 61],
  ];
  for (const [input, code, start, end] of malformed) {
    it(`rejects ${JSON.stringify(input.length > 40 ? input.slice(0, 40) + '…' : input)} with ${code}`, () => {
      const e = err(input);
      expect(e.code).toBe(code);
      expect(e.message.length).toBeGreaterThan(10);
      if (code !== 'TOO_COMPLEX' || start > 0) expect([e.start, e.end]).toEqual([start, end]);
    });
  }

  it('names the unknown field and the known ones for translations', () => {
    expect(err('titel:Вучич').params).toEqual({ field: 'titel', known: 'title, source, tag, lang' });
    expect(err('Вучич OR').params).toEqual({ operator: 'OR', side: 'after' });
  });

  it('never throws, whatever it is given', () => {
    const alphabet = ['(', ')', '"', '«', '»', '-', '*', '=', ':', '|', ' ', 'OR', 'NOT', 'AND', 'title', 'lang', 'Вучич', 'a', 'Ақорда'];
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 3000; i++) {
      const input = Array.from({ length: 1 + Math.floor(rnd() * 10) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const r = parseQuery(input);
      if (!r.ok) {
        expect(r.error.start).toBeGreaterThanOrEqual(0);
        expect(r.error.end).toBeLessThanOrEqual(input.length);
      } else {
        expect(typeof matchDocument(r.query, zakon)).toBe('boolean');
      }
    }
    expect(parseQuery(undefined as unknown as string).ok).toBe(false);
  });
});

describe('usesField', () => {
  it('finds a field under any alias, negation or OR, and nowhere else', () => {
    const uses = (text: string) => usesField(q(text).root, 'tag');
    expect(uses('tag:визит')).toBe(true);
    expect(uses('Вучич тег:визит')).toBe(true);
    expect(uses('(Вучич OR метка:визит) -метка:негатив')).toBe(true);
    expect(uses('Вучич -метка:негатив')).toBe(true);
    expect(uses('Вучич title:тег lang:ru')).toBe(false);
  });
});

describe('highlightRanges', () => {
  const title = 'Токаев и Вучич провели брифинг для СМИ';
  const text = (query: string, t = title, field?: 'title' | 'text') =>
    highlightRanges(q(query), t, field ? { field } : undefined).map((r) => t.slice(r.start, r.end));

  it('marks whole words of every spelling and inflection', () => {
    expect(text('Vucic OR Tokayev')).toEqual(['Токаев', 'Вучич']);
    expect(text('Вучича -Джокович')).toEqual(['Вучич']);
  });
  it('marks phrases from first to last word, and separate words separately', () => {
    expect(text('"провели брифинг"')).toEqual(['провели брифинг']);
    expect(text('Вучич провели')).toEqual(['Вучич', 'провели']);
  });
  it('respects title: and skips negated terms', () => {
    expect(text('title:брифинг', title, 'title')).toEqual(['брифинг']);
    expect(text('title:брифинг', title, 'text')).toEqual([]);
    expect(text('Токаев -брифинг')).toEqual(['Токаев']);
  });
  it('uses offsets of the original text', () => {
    const t = 'Ақордада: Вучич және Тоқаев';
    expect(highlightRanges(q('Акорда Токаев'), t)).toEqual([{ start: 0, end: 8 }, { start: 21, end: 27 }]);
  });
});

describe('planQuery', () => {
  it('looks up every key of a word and orders intersections', () => {
    const plan = planQuery(q('Вучич'));
    expect(plan).toEqual({ kind: 'lookup', lookups: [{ op: 'eq', key: 'c:вучич' }, { op: 'eq', key: 'm:vuCiC' }] });
    const and = planQuery(q('и Вучич'), { estimate: (l: IndexLookup) => (l.op === 'eq' && l.key === 'c:и' ? 90000 : 10) });
    expect(and.kind).toBe('intersect');
    if (and.kind === 'intersect') expect(and.plans[0]).toEqual(plan);
  });

  it('scans for metadata-only queries and ignores negations in intersections', () => {
    expect(planQuery(q('lang:kk'))).toEqual({ kind: 'scan', reason: 'metadata' });
    expect(planQuery(q('Вучич -теннис')).kind).toBe('lookup');
    expect(planQuery(q('Вучич OR lang:kk')).kind).toBe('scan');
  });

  it('plans a prefix as stem and fold ranges plus its short stems', () => {
    expect(planQuery(q('серби*'))).toEqual({
      kind: 'lookup',
      lookups: [
        { op: 'prefix', prefix: 'c:серби' },
        { op: 'prefix', prefix: 'f:серби' },
        { op: 'eq', key: 'c:сер' },
        { op: 'eq', key: 'c:серб' },
      ],
    });
  });

  // The contract: planned candidates ⊇ matches, for an index built with indexTerms.
  const paragraphs = reference.split(/\n+/).filter((p) => p.trim());
  const docs = [
    ...paragraphs.map((p, i) => ({ id: `ref${i}`, title: '', summary: '', text: p, language: 'ru' })),
    { id: 'kk', title: 'Ақордада келіссөздер', summary: '', text: 'Тоқаевтың Сербия Президентімен кездесуі. Қазақстанның экспорты.', language: 'kk' },
    { id: 'en', title: 'Tokayev meets Vučić', summary: "Kazakhstan's president", text: 'Happy cooperation; its flights, 2026.', language: 'en' },
    { id: 'sr', title: 'Vučić u Astani', summary: '', text: 'Predsednik Srbije Vučić sa Tokajevim.', language: 'sr' },
  ];
  const index = new Map<string, Set<string>>();
  for (const d of docs) for (const key of indexTerms(d)) (index.get(key) ?? index.set(key, new Set()).get(key)!).add(d.id);
  const lookup = (l: IndexLookup) => {
    if (l.op === 'eq') return index.get(l.key) ?? [];
    const out = new Set<string>();
    for (const [key, ids] of index) if (key.startsWith(l.prefix)) for (const id of ids) out.add(id);
    return out;
  };
  const analyzed = new Map(docs.map((d) => [d.id, analyzeDocument(d)]));
  const queries = [
    'Вучич', 'Vucic', 'Токаев', 'Tokayev', 'Акорда', 'Казахстан', 'Сербия', 'серб*', 'сотруд*', 'Vuč*', 'hap*', 'its*', 'fli*', 'Ақо*', 'Қаз*', '20*', 'в*', 'и*',
    '=Сербии', '=Vučić', '"Касым-Жомарт Токаев"', 'Вучич -Токаев', '(Астана OR Белград) сотрудничество', 'title:Ақордада', 'президент*', 'Касым-Жом*', 'Tokajev*',
  ].filter((s) => parseQuery(s).ok);
  for (const input of queries) {
    it(`candidates for ${input} include every match`, async () => {
      const query = q(input);
      const candidates = await runPlan(planQuery(query), lookup, () => docs.map((d) => d.id));
      const matches = docs.filter((d) => matchDocument(query, analyzed.get(d.id)!)).map((d) => d.id);
      expect(matches.length).toBeGreaterThan(0);
      for (const id of matches) expect(candidates).toContain(id);
    });
  }

  it('does not fall back to reading everything for ordinary queries', async () => {
    const candidates = await runPlan(planQuery(q('Вучич Астана')), lookup, () => docs.map((d) => d.id));
    expect(candidates.size).toBeLessThan(docs.length / 2);
  });
});

describe('QUERY_SYNTAX_HELP', () => {
  it('has examples that parse', () => {
    for (const entry of QUERY_SYNTAX_HELP) expect(parseQuery(entry.example).ok, entry.example).toBe(true);
    expect(new Set(QUERY_SYNTAX_HELP.map((e) => e.id)).size).toBe(QUERY_SYNTAX_HELP.length);
  });
});
