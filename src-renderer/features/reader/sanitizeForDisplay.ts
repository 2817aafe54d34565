// Stored content was sanitised in the main process; it is sanitised again here, in the real DOM,
// because the database may hold rows from older versions or from a restored backup. What
// survives is text, structure, http(s) links and images: no script, no styles, no forms, no
// frames, no media that is not an image, no SVG or MathML (where parsers disagree, mXSS lives).
import DOMPurify from 'dompurify';

export interface DisplayOptions {
  /** Original image URL -> file name in the offline image store (item.offlineImages). */
  offlineImages?: Record<string, string>;
  /** Where the store serves a file name, e.g. `images/<name>` on the app's own origin. */
  offlineImageUrl?: (fileName: string) => string;
  /** Original image URL -> blob: URL of the copy kept with a clipping; preferred over the rest. */
  clippedImages?: Record<string, string>;
}

/** File names in the offline image store: one path segment, nothing that escapes the folder. */
const IMAGE_NAME = /^[A-Za-z0-9._-]+$/;

const FORBID_TAGS = [
  'style', 'link', 'meta', 'base', 'title',
  'form', 'input', 'button', 'select', 'textarea', 'option', 'label', 'fieldset',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe',
  'audio', 'video', 'source', 'track',
  'svg', 'math',
  // Parsed as text by the live DOM but as markup by DOMParser (used for highlighting): classic
  // mutation-XSS carriers.
  'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'template', 'listing',
  'dialog', 'slot',
];

// style: CSS can exfiltrate and overlay; srcset/ping/background/poster: requests we do not vet;
// class/id/name: feed markup must not take on the app's own class names or clobber globals.
const FORBID_ATTR = [
  'style', 'srcset', 'sizes', 'ping', 'background', 'poster', 'formaction', 'action', 'download', 'usemap',
  'class', 'id', 'name', 'popover', 'popovertarget',
  // Content must not take the keyboard: the reader's shortcuts stop while something is editable.
  'contenteditable', 'autofocus', 'tabindex', 'accesskey',
];

const purifier = DOMPurify(window);
let current: DisplayOptions = {};

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.hasAttribute('href')) {
    // Links leave the app only for the web or mail; anything else is left as plain text.
    const href = node.getAttribute('href') ?? '';
    if (!(isHttpUrl(href) || /^mailto:/i.test(href))) node.removeAttribute('href');
    else {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  }
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    const clipped = current.clippedImages && Object.prototype.hasOwnProperty.call(current.clippedImages, src) ? current.clippedImages[src] : undefined;
    const stored = current.offlineImages && Object.prototype.hasOwnProperty.call(current.offlineImages, src) ? current.offlineImages[src] : undefined;
    if (clipped?.startsWith('blob:')) node.setAttribute('src', clipped);
    else if (stored && IMAGE_NAME.test(stored) && current.offlineImageUrl) node.setAttribute('src', current.offlineImageUrl(stored));
    else if (!isHttpUrl(src)) node.removeAttribute('src');
    node.setAttribute('loading', 'lazy');
    // The outlet learns nothing about which article (or which app) displays its image.
    node.setAttribute('referrerpolicy', 'no-referrer');
  }
});

export function sanitizeForDisplay(html: string, options: DisplayOptions = {}): string {
  current = options;
  try {
    return purifier.sanitize(html, {
      FORBID_TAGS,
      FORBID_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
      SANITIZE_NAMED_PROPS: true,
    });
  } finally {
    current = {};
  }
}
