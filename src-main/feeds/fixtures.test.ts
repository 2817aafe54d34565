// One test per file in resources/sample-feeds, each ending in the outcome manifest.json
// documents for it (or, where the manifest only records what rss-parser did, the outcome chosen
// here and written down below). HTML fixtures are exercised by their own modules' tests too.
import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { discoverFeeds } from './discover';
import { extractArticle } from './extract';
import { parseHtmlList } from './htmlList';
import { FeedParseError, parseFeedTextSync, type ParsedFeed } from './parse';
import { akordaEvents, zakonNewsList } from './presets';
import { FIXTURE_NOW, fixtureBytes, manifestFiles, SAMPLE_FEEDS_DIR, type ManifestFile } from './testing/fixtures';

interface RssParserRecord {
  ok: boolean;
  items?: number;
  firstTitle?: string;
  firstIsoDate?: string;
  replacementChars?: number;
}

type FileWithRecord = ManifestFile & { rss_parser_3_13?: { robust?: RssParserRecord } };

function parseFixture(file: ManifestFile): ParsedFeed & { charset: string; decodeWarnings: string[] } {
  const decoded = decodeBytes(fixtureBytes(file.path), file.content_type);
  const parsed = parseFeedTextSync(decoded.text, `http://127.0.0.1:8787${file.route}`, FIXTURE_NOW);
  return { ...parsed, charset: decoded.charset, decodeWarnings: decoded.warnings ?? [] };
}

function parseError(file: ManifestFile): FeedParseError {
  try {
    parseFixture(file);
  } catch (error) {
    if (error instanceof FeedParseError) return error;
    throw error;
  }
  throw new Error(`${file.path} parsed, but an error was expected`);
}

const collapse = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();
const SEED_TITLE = 'Токаев и Вучич провели брифинг для СМИ после переговоров';

/** Outcome per file. Feeds: item count, first title, and the repair warnings we expect. */
const outcomes: Record<string, (file: FileWithRecord) => void> = {
  'akorda/akorda-synthetic-rss-ru.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.items).toHaveLength(3);
    // Date-only items are midnight in Astana.
    expect(feed.items[0]?.publishedAt).toBe('2026-02-25T19:00:00.000Z');
  },
  'atom/astanatimes-atom-en.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.feed.format).toBe('atom');
    const [first, second, third] = feed.items;
    expect(first?.contentHtml).toContain('href="https://astanatimes.com/2026/02/related/"');
    expect(second?.url).toBe('https://astanatimes.com/2026/02/synthetic-9990202/');
    expect(second?.summary).toBe('Plain-text summary with <angle brackets> that must stay literal. [synthetic test item]');
    expect(second?.contentHtml).toBe('<div><p>XHTML content <b>inline</b>.</p></div>');
    expect(third).toMatchObject({ url: null, author: null, id: 'urn:uuid:00000000-0000-4000-8000-009990203000', publishedAt: '2026-02-24T08:00:00.000Z' });
  },
  'zakon/zakon-kk-rss2.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.items.map((i) => i.title).join(' ')).toMatch(/[ӘҒҚҢӨҰҮҺІәғқңөұүһі]/);
  },
  'zakon/zakon-ru-rss2.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.items).toHaveLength(5);
    const seed = feed.items[0];
    expect(seed).toMatchObject({ id: 'zakon-9990001', author: 'Zakon.kz', categories: ['Политика'], imageUrl: 'https://www.zakon.kz/synthetic/img/9990001.jpg' });
    // yandex:full-text is the fullest text and wins over description.
    expect(seed?.text.length).toBeGreaterThan(seed?.summary.length ?? 0);
    expect(seed?.text).toContain('Жұмыла көтерген жүк жеңіл');
    expect(feed.items.find((i) => i.id === 'zakon-9990004')?.url).toBe('https://www.zakon.kz/9990004-kurs-tenge-synthetic.html');
    expect(feed.items.filter((i) => i.dateFlag === 'missing')).toHaveLength(1);
  },
  'zakon/zakon-ru-rss2-no-yandex.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.items).toHaveLength(5);
    expect(feed.items[0]?.text).toContain('Алтын Қыран');
  },
  'encoding/ru-koi8r-declared.xml': (file) => expect(parseFixture(file).charset).toBe('koi8-r'),
  'encoding/zakon-cp1251-declared.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.charset).toBe('windows-1251');
    // Kazakh letters came as numeric references, because cp1251 has no Қ.
    expect(feed.items.map((i) => i.text).join(' ')).toContain('Алтын Қыран');
  },
  'encoding/zakon-cp1251-lying-utf8-decl.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.charset).toBe('windows-1251');
    expect(feed.items[0]?.title).toBe(SEED_TITLE);
    expect(feed.decodeWarnings.join(' ')).toMatch(/says UTF-8 but the bytes are not UTF-8/);
  },
  'encoding/zakon-cp1251-no-xml-decl.xml': (file) => expect(parseFixture(file).charset).toBe('windows-1251'),
  'encoding/zakon-utf16le-bom.xml': (file) => expect(parseFixture(file).charset).toBe('utf-16le'),
  'encoding/zakon-utf8-bom.xml': (file) => expect(parseFixture(file).items).toHaveLength(2),
  'malformed/bom-then-whitespace-before-decl.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.items).toHaveLength(2);
    expect(feed.warnings.join(' ')).toMatch(/whitespace before the XML declaration/);
  },
  'malformed/cdata-with-terminator.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.items[0]?.summary.startsWith('код ]]> внутри После переговоров')).toBe(true);
  },
  'malformed/control-chars.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.warnings.join(' ')).toMatch(/Removed 6 control characters/);
    // eslint-disable-next-line no-control-regex
    expect(feed.items.map((i) => i.text).join('')).not.toMatch(/[\u0000-\u0008\u001c]/);
  },
  'malformed/empty-200.xml': (file) => {
    const error = parseError(file);
    expect(error.kind).toBe('empty');
    expect(error.message).toBe('Not a feed: the server sent an empty body');
  },
  'malformed/html-entities-undeclared.xml': (file) => {
    expect(parseFixture(file).items[0]?.title).toBe(`«Брифинг» — ${SEED_TITLE}`);
  },
  'malformed/invalid-utf8-bytes.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.decodeWarnings).toEqual(['Dropped 4 invalid UTF-8 bytes']);
    expect(feed.items).toHaveLength(2);
  },
  'malformed/not-xml-json.xml': (file) => {
    const error = parseError(file);
    expect(error.kind).toBe('not-feed');
    expect(error.message).toMatch(/^Not a feed/);
  },
  'malformed/truncated-mid-item.xml': (file) => {
    // Recovered: the complete item is kept, the one cut mid-way is dropped, and it is said so.
    const feed = parseFixture(file);
    expect(feed.items.map((i) => i.id)).toEqual(['zakon-9990001']);
    expect(feed.warnings.join(' ')).toMatch(/Malformed feed XML at line 77: the document ends inside <link>; kept 1 complete item/);
  },
  'malformed/two-roots.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.feed.title).toBe('Zakon.kz: Новости Казахстана');
    expect(feed.warnings.join(' ')).toMatch(/Ignored content after the end of the document at line 88/);
  },
  'malformed/undeclared-namespace-prefix.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.items[0]?.text).toContain('Жұмыла көтерген жүк жеңіл');
    expect(feed.warnings.join(' ')).toMatch(/Undeclared namespace prefix "yandex:"/);
  },
  'malformed/unescaped-ampersand.xml': (file) => {
    const feed = parseFixture(file);
    expect(feed.items.map((i) => i.title)).toContain('Тепло & свет: В Алматы ограничат движение на нескольких улицах из-за ремонта теплосетей');
  },
  'poll-sequence/t1.xml': (file) => expect(parseFixture(file).items.map((i) => i.id)).toEqual(['zakon-9990003', 'zakon-9990002']),
  'poll-sequence/t2.xml': (file) => {
    const item = parseFixture(file).items.find((i) => i.id === 'zakon-9990002');
    expect(item?.url).toBe('https://www.zakon.kz/9990002-v-almaty-ogranichat-dvizhenie-synthetic.html');
    expect(item?.title).toBe('В Алматы ограничат движение на пяти улицах (обновлено)');
  },
  'poll-sequence/t3.xml': (file) => {
    const items = parseFixture(file).items;
    expect(items.map((i) => i.id)).toEqual([
      'https://www.zakon.kz/9990005-v-shymkente-otkrylas-biblioteka-synthetic.html',
      'http://zakon.kz/9990001-tokaev-i-vuchich-proveli-brifing-dlya-smi.html',
      'zakon-9990002',
    ]);
  },
  'serbian/n1-like-sr-latn.xml': (file) => expect(parseFixture(file).items.map((i) => i.text).join(' ')).toMatch(/[čćžšđ]/),
  'serbian/rts-like-sr-cyrl.xml': (file) => expect(parseFixture(file).items.map((i) => i.text).join(' ')).toMatch(/[ђћџљњј]/),
  'dates/dates-edgecases.xml': (file) => expect(parseFixture(file).items).toHaveLength(15),
  'html/bot-challenge.html': (file) => {
    const html = fixtureBytes(file.path).toString('utf8');
    expect(parseError(file).kind).toBe('html');
    expect(discoverFeeds(html, 'http://127.0.0.1:8787/html/bot-challenge.html')).toEqual([]);
  },
  'html/homepage-with-autodiscovery.html': (file) => {
    const url = `http://127.0.0.1:8787${file.route}`;
    const html = fixtureBytes(file.path).toString('utf8');
    expect(parseError(file).kind).toBe('html');
    expect(discoverFeeds(html, url)[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:8787\//);
    expect(parseHtmlList(html, url, zakonNewsList, FIXTURE_NOW).items.length).toBeGreaterThan(0);
  },
  'akorda/akorda-article-ru.html': (file) => {
    const article = extractArticle(fixtureBytes(file.path).toString('utf8'), 'https://www.akorda.kz/ru/synthetic-1');
    expect(article.text.length).toBeGreaterThan(500);
  },
  'akorda/akorda-events-ru.html': (file) => expect(parseHtmlList(fixtureBytes(file.path).toString('utf8'), 'https://www.akorda.kz/ru/events', akordaEvents('ru'), FIXTURE_NOW).items.length).toBeGreaterThan(0),
  'akorda/akorda-events-kz.html': (file) => expect(parseHtmlList(fixtureBytes(file.path).toString('utf8'), 'https://www.akorda.kz/kz/events', akordaEvents('kk'), FIXTURE_NOW).items.length).toBeGreaterThan(0),
  'akorda/akorda-events-en.html': (file) => expect(parseHtmlList(fixtureBytes(file.path).toString('utf8'), 'https://www.akorda.kz/en/events', akordaEvents('en'), FIXTURE_NOW).items.length).toBeGreaterThan(0),
};

const files = manifestFiles() as FileWithRecord[];

describe('sample-feeds fixtures', () => {
  it('the manifest lists every fixture file and every file has a written outcome', () => {
    const onDisk: string[] = [];
    for (const dir of readdirSync(SAMPLE_FEEDS_DIR)) {
      if (!statSync(SAMPLE_FEEDS_DIR + dir).isDirectory() || dir === 'dates') continue;
      for (const name of readdirSync(SAMPLE_FEEDS_DIR + dir)) onDisk.push(`${dir}/${name}`);
    }
    onDisk.push('dates/dates-edgecases.xml');
    expect(files.map((f) => f.path).sort()).toEqual(onDisk.sort());
    expect(Object.keys(outcomes).sort()).toEqual(files.map((f) => f.path).sort());
  });

  it.each(files.map((file) => [file.path, file] as const))('%s', (_path, file) => {
    outcomes[file.path]?.(file);
    const record = file.rss_parser_3_13?.robust;
    if (!file.path.endsWith('.xml') || !record?.ok) return;
    const feed = parseFixture(file);
    // Whatever rss-parser read right, we read right too, and never with U+FFFD.
    expect(JSON.stringify(feed)).not.toContain('\ufffd');
    if (record.replacementChars === 0 && record.items !== undefined) {
      const expectedCount = file.path === 'malformed/truncated-mid-item.xml' ? record.items - 1 : record.items;
      expect(feed.items).toHaveLength(expectedCount);
      expect(collapse(feed.items[0]?.title ?? '').startsWith(collapse(record.firstTitle ?? ''))).toBe(true);
      expect(feed.items[0]?.publishedAt).toBe(record.firstIsoDate);
    }
  });
});
