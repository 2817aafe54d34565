import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, LABELS, sections, writeCsv, writeHtml, writeJson, writeMarkdown, type ReportItem, type ReportMeta } from './index';
import { KAZAKH_LETTERS, manyItems, SAMPLE_ITEMS, SAMPLE_META, TINY_PNG } from './testdata';

const meta = (patch: Partial<ReportMeta> = {}): ReportMeta => ({ ...SAMPLE_META, ...patch });

describe('writeCsv', () => {
  it('round-trips through papaparse: every headline intact, Cyrillic and Kazakh letters included', async () => {
    const csv = await writeCsv(SAMPLE_ITEMS, meta());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const l = LABELS.ru;
    const titles = parsed.data.map((row) => row[l.title]);
    expect(titles.slice(0, 2)).toEqual([SAMPLE_ITEMS[0]!.title, SAMPLE_ITEMS[1]!.title]);
    expect(titles[3]).toBe('Vučić u zvaničnoj poseti Kazahstanu');
    for (const letter of KAZAKH_LETTERS) expect(titles[1]).toContain(letter);
    // Times in the report's zone (Asia/Almaty, UTC+5): 12:45Z is 17:45.
    expect(parsed.data[0]![l.published]).toBe('26.02.2026, 17:45');
    expect(parsed.data[0]![l.tone]).toBe('позитивная');
    expect(parsed.data[2]![l.text]).toContain('запятыми, точкой с запятой; и\nпереводом строки.');
  });

  it('leaves no cell a spreadsheet would run as a formula', async () => {
    const csv = await writeCsv(SAMPLE_ITEMS, meta());
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const hostile = rows[3]!;
    expect(hostile[2]).toBe(`'=HYPERLINK("http://x")`);
    expect(hostile[3]).toBe(`'+7 (777) 000-00-00`);
    expect(hostile[5]).toBe(`'@everyone; -1`);
    expect(csvCell('-2+3')).toBe(`'-2+3`);
    expect(csvCell('\tx')).toBe(`'\tx`);
    expect(csvCell('Токаев, Вучич')).toBe('"Токаев, Вучич"');
  });

  it('uses CRLF between records and quotes embedded line breaks (RFC 4180)', async () => {
    const csv = await writeCsv(SAMPLE_ITEMS, meta({ includeFullText: false }), { delimiter: ';' });
    const records = csv.slice(1).split('\r\n');
    expect(records).toHaveLength(SAMPLE_ITEMS.length + 2);
    expect(records.at(-1)).toBe('');
    expect(records[0]!.split(';')).toContain(LABELS.ru.lead);
    expect(csv).toContain('"Текст с ""кавычками"", запятыми, точкой с запятой; и\nпереводом строки.\u0001"');
  });
});

describe('writeJson', () => {
  it('keeps every field but image bytes, and the text only when full text is asked for', async () => {
    const withImage: ReportItem = { ...SAMPLE_ITEMS[0]!, imageUrl: 'https://x/1.png', imageBytes: TINY_PNG };
    const full = JSON.parse(await writeJson([withImage], meta())) as { meta: ReportMeta; items: Array<Record<string, unknown>> };
    expect(full.items[0]!.title).toBe(SAMPLE_ITEMS[0]!.title);
    expect(full.items[0]!.imageUrl).toBe('https://x/1.png');
    expect(full.items[0]).not.toHaveProperty('imageBytes');
    expect(full.items[0]!.text).toBe(SAMPLE_ITEMS[0]!.text);
    expect(full.meta.timeZone).toBe('Asia/Almaty');
    const lead = JSON.parse(await writeJson([withImage], meta({ includeFullText: false }))) as { items: Array<Record<string, unknown>> };
    expect(lead.items[0]).not.toHaveProperty('text');
  });
});

describe('writeMarkdown', () => {
  it('writes sections by day with headlines, links, tags, tone and notes, and escapes feed text', async () => {
    const md = await writeMarkdown(SAMPLE_ITEMS, meta());
    expect(md).toMatch(/^# Дайджест: визит Александра Вучича в Астану\n/);
    expect(md).toContain('## 25 февраля 2026');
    expect(md).toContain('## 27 февраля 2026'); // 19:30Z on the 26th is after midnight in Astana
    expect(md).toContain('### [Токаев и Вучич провели брифинг для СМИ после переговоров](https://www.zakon.kz/9990001-tokaev-i-vuchich-proveli-brifing-dlya-smi.html)');
    expect(md).toContain('**Теги:** Визит Вучича, Сербия');
    expect(md).toContain('**Примечание:** Цитата о 60 сербских компаниях — в пресс\\-релиз');
    // javascript: is never a link; markup stays literal text.
    expect(md).not.toContain('](javascript:');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('Spam \\<b\\>outlet\\</b\\>');
  });
});

describe('writeHtml', () => {
  it('is a standalone page with the caller’s font, a contents list and no script', async () => {
    const html = await writeHtml(SAMPLE_ITEMS, meta(), { fontUrl: 'app://fonts/DejaVuSans.ttf', fontBoldUrl: 'data:font/ttf;base64,AAAA' });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('src:url("app://fonts/DejaVuSans.ttf") format("truetype")');
    expect(html).toContain("font-src 'self' data: app:");
    expect(html).toContain('<nav><h2>Содержание</h2>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;');
    expect(html).toContain('Spam &lt;b&gt;outlet&lt;/b&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('\u0001');
    for (const letter of KAZAKH_LETTERS) expect(html).toContain(letter);
  });

  it('embeds clipping images and charts as data URLs only when images are asked for', async () => {
    const item: ReportItem = { ...SAMPLE_ITEMS[0]!, imageBytes: TINY_PNG };
    const charts = [{ title: 'Тональность', svg: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' }];
    const withImages = await writeHtml([item], meta({ charts }));
    expect(withImages).toContain('<img src="data:image/png;base64,');
    expect(withImages).toContain('<img src="data:image/svg+xml;base64,');
    expect(withImages).not.toMatch(/<script/i);
    const without = await writeHtml([item], meta({ includeImages: false }));
    expect(without).not.toContain('data:image/png');
  });
});

describe('sections', () => {
  it('groups by outlet and by first tag, untagged last, items by time', () => {
    const byOutlet = sections(SAMPLE_ITEMS, meta({ groupBy: 'outlet' }));
    expect(byOutlet.map((s) => s.heading)).toEqual(['Akorda.kz', 'N1 Srbija', 'Spam <b>outlet</b>', 'Zakon.kz']);
    const byTopic = sections(SAMPLE_ITEMS, meta({ groupBy: 'topic', locale: 'kk' }));
    expect(byTopic.map((s) => s.heading)).toEqual(['@everyone', 'Визит Вучича', 'Тақырыпсыз']);
    expect(byTopic[1]!.items.map((i) => i.outlet)).toEqual(['Zakon.kz', 'Akorda.kz']);
  });
});

describe('progress and cancellation', () => {
  it('reports every item and the finished file, and keeps the event loop turning over 1,000 items', async () => {
    const items = manyItems(1000);
    const seen: Array<[number, number]> = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const html = await writeHtml(items, meta({ groupBy: 'outlet' }), { onProgress: (d, t) => seen.push([d, t]) });
    clearInterval(timer);
    expect(html).toContain('1000. ');
    expect(seen).toHaveLength(1001);
    expect(seen[0]).toEqual([1, 1001]);
    expect(seen.at(-1)).toEqual([1001, 1001]);
    expect(ticks).toBeGreaterThan(0);
  });

  it('throws an AbortError when cancelled midway, and at once when already cancelled', async () => {
    const controller = new AbortController();
    let done = 0;
    const run = writeCsv(manyItems(5000), meta(), {
      signal: controller.signal,
      onProgress: (d) => {
        done = d;
        if (d === 100) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(done).toBeLessThan(5000);
    await expect(writeMarkdown(SAMPLE_ITEMS, meta(), { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('has labels for every locale', async () => {
    for (const locale of ['ru', 'kk', 'en'] as const) {
      const md = await writeMarkdown(SAMPLE_ITEMS.slice(0, 1), meta({ locale }));
      expect(md).toContain(`**${LABELS[locale].tags}:**`);
      expect(md).toContain(LABELS[locale].tones.positive);
    }
    expect(LABELS.ru.items(21)).toBe('21 материал');
    expect(LABELS.ru.items(3)).toBe('3 материала');
    expect(LABELS.ru.items(11)).toBe('11 материалов');
  });
});
