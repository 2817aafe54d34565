import { describe, expect, it } from 'vitest';
import { discoverFeeds } from './discover';
import { fixtureText } from './testing/fixtures';

describe('discoverFeeds', () => {
  it('finds the homepage fixture feeds in document order, absolute', () => {
    expect(discoverFeeds(fixtureText('html/homepage-with-autodiscovery.html'), 'https://www.zakon.kz/')).toEqual([
      { url: 'https://www.zakon.kz/rss.xml', type: 'application/rss+xml', title: 'RSS' },
      { url: 'https://example.invalid/atom.xml', type: 'application/atom+xml', title: 'Atom' },
    ]);
  });

  it('honours <base>, rel token lists and JSON Feed, and ignores stylesheets and non-web links', () => {
    const html = `<head><base href="https://cdn.example/feeds/">
      <link rel="stylesheet" href="/s.css"><link rel="Alternate nofollow" type="application/feed+json" href="f.json">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="text/html" hreflang="kk" href="/kk/"></head>`;
    expect(discoverFeeds(html, 'https://site.example/')).toEqual([{ url: 'https://cdn.example/feeds/f.json', type: 'application/feed+json', title: null }]);
  });

  it('finds nothing on the bot-challenge page', () => {
    expect(discoverFeeds(fixtureText('html/bot-challenge.html'), 'https://www.zakon.kz/')).toEqual([]);
  });
});
