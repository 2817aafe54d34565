// JSON Feed 1.0 and 1.1 (https://jsonfeed.org). Every field is type-checked before use: a JSON
// body is as hostile as XML, and keys such as "__proto__" must not reach an object spread.
import type { RawItem } from './normalise';
import type { RawFeed } from './rss';

type Json = unknown;

function str(value: Json): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function field(object: Json, key: string): Json {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return undefined;
  return Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, Json>)[key] : undefined;
}

function list(value: Json): Json[] {
  return Array.isArray(value) ? value : [];
}

export function isJsonFeed(value: Json): boolean {
  const version = str(field(value, 'version'));
  return version !== null && /^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/.test(version) && Array.isArray(field(value, 'items'));
}

export function readJsonFeed(value: Json, feedUrl: string): RawFeed {
  const siteUrl = str(field(value, 'home_page_url'));
  const authorOf = (owner: Json): string | null => str(field(list(field(owner, 'authors'))[0], 'name')) ?? str(field(field(owner, 'author'), 'name'));
  const feedAuthor = authorOf(value);
  const items: RawItem[] = list(field(value, 'items')).map((item) => {
    const id = field(item, 'id');
    const contentHtml = str(field(item, 'content_html'));
    const contentText = str(field(item, 'content_text'));
    return {
      title: str(field(item, 'title')),
      // JSON Feed titles are plain text by definition.
      titleIsHtml: false,
      link: str(field(item, 'url')) ?? str(field(item, 'external_url')),
      guid: typeof id === 'number' ? String(id) : str(id),
      guidIsLink: false,
      published: str(field(item, 'date_published')),
      updated: str(field(item, 'date_modified')),
      summaryHtml: str(field(item, 'summary')) ? escape(str(field(item, 'summary')) ?? '') : null,
      contentHtml: contentHtml ?? (contentText ? escape(contentText).replace(/\n/g, '<br>') : null),
      fullText: contentText,
      author: authorOf(item) ?? feedAuthor,
      categories: list(field(item, 'tags')).filter((tag): tag is string => typeof tag === 'string'),
      enclosures: list(field(item, 'attachments'))
        .map((a) => ({ url: str(field(a, 'url')) ?? '', type: str(field(a, 'mime_type')), length: typeof field(a, 'size_in_bytes') === 'number' ? (field(a, 'size_in_bytes') as number) : null }))
        .filter((a) => a.url),
      images: [str(field(item, 'image')), str(field(item, 'banner_image'))].filter((x): x is string => x !== null),
      baseUrl: siteUrl ?? feedUrl,
      language: str(field(item, 'language')),
    };
  });
  return {
    format: 'json',
    title: str(field(value, 'title')),
    siteUrl,
    language: str(field(value, 'language')),
    selfUrl: str(field(value, 'feed_url')),
    items,
  };
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
