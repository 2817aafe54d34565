import type { NotificationConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS, MAX_TITLE_CHARS, notificationOptions, notify, plainText } from './notify';

describe('notification text', () => {
  it('is one line with no control or direction-override characters', () => {
    expect(plainText('Токаев\nи\tВучич\u0007 \u202Eгпж.exe', 100)).toBe('Токаев и Вучич гпж.exe');
  });

  it('is cut to a bounded length by letters, never inside a letter', () => {
    const long = 'Қ'.repeat(500);
    const cut = plainText(long, MAX_TITLE_CHARS);
    expect(Array.from(cut)).toHaveLength(MAX_TITLE_CHARS);
    expect(cut.endsWith('…')).toBe(true);
    const emoji = plainText('📰'.repeat(10), 5);
    expect(emoji).toBe('📰📰📰📰…');
    expect(plainText('short', 10)).toBe('short');
  });

  it('keeps markup from a feed as words: tags cannot form on a markup-reading Linux server', () => {
    const options = notificationOptions('<b>Breaking</b> <img src=http://evil.example/t.png>', '<a href="http://evil.example">read</a> &amp;', 'linux');
    expect(options.title).not.toMatch(/[<>]/);
    expect(options.body).not.toMatch(/[<>&]/);
    expect(options.title).toContain('Breaking');
    expect(options.body).toContain('read');
  });

  it('shows feed text unchanged where the system treats it as text', () => {
    expect(notificationOptions('A <b> & B', 'x', 'win32').title).toBe('A <b> & B');
    expect(notificationOptions('A <b> & B', 'x', 'darwin').title).toBe('A <b> & B');
  });

  it('bounds the body and never has an empty title', () => {
    const options = notificationOptions('\u0000\u0001', 'ж'.repeat(1000), 'win32');
    expect(options.title).toBe('PressWatch');
    expect(Array.from(options.body ?? '')).toHaveLength(MAX_BODY_CHARS);
  });
});

describe('notify', () => {
  it('shows one notification and runs the click action', () => {
    const shown: NotificationConstructorOptions[] = [];
    let click: (() => void) | undefined;
    let clicked = false;
    const created = notify(
      (options) => {
        shown.push(options);
        return { show: () => undefined, on: ((_event: 'click', listener: () => void) => (click = listener)) as never };
      },
      () => true,
      'Topic: Vučić',
      'Вучић у званичној посети Казахстану',
      () => (clicked = true),
    );
    expect(created).toBe(true);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.body).toBe('Вучић у званичној посети Казахстану');
    click?.();
    expect(clicked).toBe(true);
  });

  it('does nothing where the system has no notifications', () => {
    expect(notify(() => {
      throw new Error('must not be created');
    }, () => false, 't', 'b')).toBe(false);
  });
});
