import { describe, expect, it } from 'vitest';
import { detached, detachedOrNull } from './detached';

describe('detached', () => {
  it('returns the same text, short or long, Latin or Cyrillic', () => {
    const document = 'Казахстан и Сербия подписали соглашение. '.repeat(100);
    for (const text of ['', 'a', 'short text', document.slice(7, 300), document]) expect(detached(text)).toBe(text);
  });

  it('keeps null and undefined as null', () => {
    expect(detachedOrNull(null)).toBeNull();
    expect(detachedOrNull(undefined)).toBeNull();
    expect(detachedOrNull('Астана')).toBe('Астана');
  });
});
