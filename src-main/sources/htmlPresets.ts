// The HTML-list presets a source can name (SourceSpec.preset): outlets without a usable feed.
import type { HtmlListSpec } from '../feeds/htmlList';
import type { SourceSpec } from '../../src-shared/model';
import { akordaEvents, zakonNewsList } from '../feeds/presets';

const presets: Record<string, HtmlListSpec> = {
  'akorda-ru': akordaEvents('ru'),
  'akorda-kk': akordaEvents('kk'),
  'akorda-en': akordaEvents('en'),
  'zakon-news': zakonNewsList,
};

export function htmlListPreset(name: string | null | undefined): HtmlListSpec | undefined {
  return name ? presets[name] : undefined;
}

/** How the poller reads an HTML source: the user's own selectors, else the named preset. */
export function htmlListFor(source: SourceSpec): HtmlListSpec | undefined {
  if (source.kind !== 'html') return undefined;
  return source.htmlList ?? htmlListPreset(source.preset);
}

export const htmlListPresetNames = Object.keys(presets);
