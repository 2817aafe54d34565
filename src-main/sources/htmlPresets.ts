// The HTML-list presets a source can name (SourceSpec.preset): outlets without a usable feed.
import type { HtmlListSpec } from '../feeds/htmlList';
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

export const htmlListPresetNames = Object.keys(presets);
