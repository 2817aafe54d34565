import type { Strings } from './ru';

export const en: Strings = {
  app: { title: 'PressWatch', loading: 'Loading…', language: 'Interface language', noToken: 'Open the address printed by presswatch serve: it carries the session key.', startFailed: 'The app could not start: {{message}}', offline: 'Offline: showing what is stored' },
  sources: { heading: 'Sources', all: 'All sources', add: 'Add', addPlaceholder: 'Feed or site address', adding: 'Checking…', added: 'Added source “{{name}}”', pollNow: 'Refresh', pollAll: 'Refresh all', lastError: 'Error: {{message}}', lastSuccess: 'Updated {{time}}', never: 'Not polled yet', polling: 'Polling…', exists: 'This source is already there' },
  items: { heading: 'Items', count_one: '{{count}} item', count_few: '{{count}} items', count_many: '{{count}} items', count_other: '{{count}} items', empty: 'No items yet. Sources are being polled…', list: 'Item list' },
  reader: { empty: 'Pick an item in the list', openOriginal: 'Open the original', author: 'By {{author}}', region: 'Item' },
};
