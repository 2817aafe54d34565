// Desktop notifications for topic matches. Titles and bodies come from feeds, so they are made
// plain and short here: no control or direction-override characters (which can disguise text),
// one line for the title, a bounded body. Linux notification servers that announce
// "body-markup" read the body as a subset of HTML (<a>, <img> that they fetch): there the angle
// brackets become look-alike quotation marks, so no server can find a tag in a feed's words.
import type { Notification, NotificationConstructorOptions } from 'electron';

export const MAX_TITLE_CHARS = 80;
export const MAX_BODY_CHARS = 240;

// C0/C1 controls, and the bidi overrides/isolates used to make "gpj.exe" read as "exe.jpg".
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A feed string as one short line of plain text. */
export function plainText(value: string, maxChars: number): string {
  const flat = value.replace(UNSAFE_CHARACTERS, '').replace(/\s+/g, ' ').trim();
  const characters = Array.from(flat); // by code point, so a Kazakh or emoji letter is never split
  return characters.length <= maxChars ? flat : characters.slice(0, maxChars - 1).join('').trimEnd() + '…';
}

/** Text no markup-reading notification server can turn into a tag or an entity. */
export function markupFree(value: string): string {
  return value.replace(/</g, '\u2039').replace(/>/g, '\u203A').replace(/&/g, '\uFF06');
}

export function notificationOptions(title: string, body: string, platform: NodeJS.Platform = process.platform): NotificationConstructorOptions {
  const shown = platform === 'linux' ? markupFree : (value: string) => value;
  return {
    title: shown(plainText(title, MAX_TITLE_CHARS)) || 'PressWatch',
    body: shown(plainText(body, MAX_BODY_CHARS)),
  };
}

export type NotificationFactory = (options: NotificationConstructorOptions) => Pick<Notification, 'show' | 'on'>;

/**
 * Shows one notification; a click runs `onClick` (main.ts shows the window and the item).
 * Returns false where the system has no notification support.
 */
export function notify(create: NotificationFactory, isSupported: () => boolean, title: string, body: string, onClick?: () => void): boolean {
  if (!isSupported()) return false;
  const notification = create(notificationOptions(title, body, process.platform));
  if (onClick) notification.on('click', onClick);
  notification.show();
  return true;
}
