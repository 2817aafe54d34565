// Single-key shortcuts of feed readers (j/k, o, s, t, c, /, u, ?), ignored while typing.
import { useEffect } from 'react';

export interface ShortcutActions {
  keys: string[];
  selectedKey: string | null;
  open: (key: string) => void;
  toggleStar: () => void;
  focusTag: () => void;
  clip: () => void;
  focusSearch: () => void;
  toggleUnread: () => void;
  showHelp: () => void;
  disabled: boolean;
}

export const SHORTCUTS = [
  ['j', 'next'],
  ['k', 'previous'],
  ['o / Enter', 'open'],
  ['s', 'star'],
  ['t', 'tag'],
  ['c', 'clip'],
  ['/', 'search'],
  ['u', 'unread'],
  ['?', 'help'],
] as const;

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (actions.disabled || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const { keys, selectedKey } = actions;
      const index = selectedKey ? keys.indexOf(selectedKey) : -1;
      const go = (delta: number) => {
        const next = keys[Math.max(0, Math.min(keys.length - 1, index + delta))];
        if (next) actions.open(next);
      };
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          go(1);
          break;
        case 'k':
        case 'ArrowUp':
          go(-1);
          break;
        case 'o':
        case 'Enter':
          if (selectedKey) actions.open(selectedKey);
          else go(1);
          break;
        case 's':
          actions.toggleStar();
          break;
        case 't':
          actions.focusTag();
          break;
        case 'c':
          actions.clip();
          break;
        case '/':
          actions.focusSearch();
          break;
        case 'u':
          actions.toggleUnread();
          break;
        case '?':
          actions.showHelp();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
