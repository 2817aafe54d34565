import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract';
import { fixtureText } from './testing/fixtures';

const URL_RU = 'https://www.akorda.kz/ru/kasym-zhomart-tokaev-i-aleksandr-vuchich-sdelali-zayavleniya-dlya-pressy-999001';

describe('extractArticle', () => {
  it('extracts the Akorda article body with Readability', () => {
    const article = extractArticle(fixtureText('akorda/akorda-article-ru.html'), URL_RU);
    expect(article.method).toBe('readability');
    expect(article.title).toBe('Касым-Жомарт Токаев и Александр Вучич сделали заявления для прессы');
    expect(article.text.startsWith('После переговоров и награждения президент Казахстана')).toBe(true);
    expect(article.text).toContain('орден "Алтын Қыран"');
    expect(article.text).toContain('его встретил премьер-министр Казахстана Олжас Бектенов.');
    expect(article.imageUrl).toBe('https://www.akorda.kz/assets/media/synthetic/0_mediumThumb.jpg');
    expect(article.canonicalUrl).toBe(URL_RU);
    expect(article.contentHtml).not.toMatch(/<script|<style|on\w+=/i);
    // The lazy image's real source replaces the placeholder.
    expect(article.contentHtml).not.toContain('0_miniThumb');
  });

  it('falls back to JSON-LD articleBody when the page body is empty', () => {
    const html = `<html><head><title>T</title><script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'WebPage' }, { '@type': 'NewsArticle', headline: 'Заголовок', articleBody: 'Первый абзац статьи.\nВторой <абзац>.', author: [{ name: 'Автор' }], datePublished: '2026-02-26T17:45:00+05:00', image: { url: '/i.jpg' } }],
    })}</script></head><body><div id="app"></div></body></html>`;
    const article = extractArticle(html, 'https://news.example/a');
    expect(article).toMatchObject({ method: 'json-ld', title: 'Заголовок', byline: 'Автор', publishedAt: '2026-02-26T12:45:00.000Z', imageUrl: 'https://news.example/i.jpg' });
    expect(article.contentHtml).toBe('<p>Первый абзац статьи.</p><p>Второй &lt;абзац&gt;.</p>');
  });

  it('falls back to og:description, then to nothing', () => {
    const og = extractArticle('<html><head><meta property="og:title" content="OG"><meta property="og:description" content="Кратко о главном."></head><body></body></html>', 'https://x.example/');
    expect(og).toMatchObject({ method: 'meta', title: 'OG', text: 'Кратко о главном.' });
    expect(extractArticle('<html><body></body></html>', 'https://x.example/')).toMatchObject({ method: 'none', text: '' });
  });

  it('runs no scripts and keeps no hostile markup', () => {
    const body = '<p>' + 'Текст статьи достаточно длинный для Readability. '.repeat(20) + '</p>';
    const html = `<html><body><article><h1>H</h1>${body}<script>globalThis.pwned = true</script><img src="x" onerror="globalThis.pwned=true"><iframe src="https://evil.example"></iframe><a href="javascript:alert(1)">x</a><form><input></form>${body}</article></body></html>`;
    const article = extractArticle(html, 'https://x.example/a');
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(article.contentHtml).not.toMatch(/<script|onerror|<iframe|javascript:|<form|<input/i);
  });
});
