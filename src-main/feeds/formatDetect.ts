import type { XmlElement } from './xml';

const ATOM_URIS = new Set(['http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#']);

/** A <feed> root is Atom when it says so by namespace or by the 0.3 version attribute. */
export function atom03Or10(root: XmlElement): boolean {
  return root.ns === null || ATOM_URIS.has(root.ns) || root.attrs.get('version') === '0.3';
}
