// Start-up: pick the host's client once, open the database, connect it to the service, render.
// `data-app-state` on #root tells tests (and support) where start-up is: loading, ready, error.
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { createRoot } from 'react-dom/client';
import type { ApiClient } from '../src-shared/api';
import type { SourceSpec, SourceStatus } from '../src-shared/model';
import { App } from './App';
import { cleanUpOldItems } from './db/cleanup';
import { openDatabase, type PressWatchDb } from './db/schema';
import { isQuotaError } from './db/storageErrors';
import { pickClient } from './host/pickClient';
import { initI18n } from './i18n';
import { connectService, seedDefaultSources } from './sync/connectService';
import type { Notice } from './ui/Notices';
import './styles.css';

// zod probes for eval support once; the CSP forbids eval, so tell it not to try.
z.config({ jitless: true });

const rootElement = document.getElementById('root')!;
const i18n = initI18n();
const root = createRoot(rootElement);

function showFatal(message: string) {
  rootElement.dataset.appState = 'error';
  root.render(
    <p className="fatal" role="alert">
      {message}
    </p>,
  );
}

let pushNoticeFromOutside: (notice: Omit<Notice, 'id'>) => void = () => undefined;
const earlyNotices: Array<Omit<Notice, 'id'>> = [];

function Root({ db, client, statuses, presets }: { db: PressWatchDb; client: ApiClient; statuses: SourceStatus[]; presets: SourceSpec[] }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const push = useCallback((notice: Omit<Notice, 'id'>) => setNotices((list) => [...list.slice(-4), { ...notice, id: crypto.randomUUID() }]), []);
  useEffect(() => {
    pushNoticeFromOutside = push;
    earlyNotices.splice(0).forEach(push);
  }, [push]);
  return (
    <App
      db={db}
      client={client}
      initialStatuses={statuses}
      presets={presets}
      offlineImageUrl={(fileName) => `${new URL('images/', window.location.href).pathname}${encodeURIComponent(fileName)}`}
      notices={notices}
      dismissNotice={(id) => setNotices((list) => list.filter((n) => n.id !== id))}
      pushNotice={push}
    />
  );
}

function notify(notice: Omit<Notice, 'id'>) {
  if (rootElement.dataset.appState === 'ready') pushNoticeFromOutside(notice);
  else earlyNotices.push(notice);
}

async function start() {
  const client = pickClient();
  const db = openDatabase();
  // A large archive takes a moment to open, and the first start of a new version upgrades it
  // (about a minute at 100,000 items): the window says so instead of staying blank.
  const opening = setTimeout(() => root.render(<p className="app-opening" role="status">{i18n.t('app.opening')}</p>), 300);
  await db.open().finally(() => clearTimeout(opening));
  // Ask the browser not to evict the press office's archive under storage pressure.
  void navigator.storage?.persist?.();
  let info;
  try {
    info = await client['app.info']();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    showFatal(/token/i.test(text) ? i18n.t('app.noToken') : i18n.t('app.startFailed', { message: text }));
    return;
  }
  document.title = info.name;
  await seedDefaultSources(db, info.defaultSources);
  await connectService(db, client, {
    onError: (error) => {
      console.error('PressWatch:', error);
      const message = error instanceof Error ? error.message : String(error);
      notify({ kind: 'error', text: isQuotaError(error) ? i18n.t('app.storageFull') : i18n.t('app.storeFailed', { message }) });
    },
    onTopicHits: (hits) => {
      for (const hit of hits.values()) {
        const text = i18n.t('topics.notice', { name: hit.topic.name, count: hit.count, title: hit.firstTitle });
        notify({ kind: 'alert', text, query: hit.topic.query });
        // The desktop app also raises a system notification (plain text); the browser host has none.
        void client['desktop.notify']({ title: hit.topic.name, body: text }).catch(() => false);
      }
    },
  });
  // Old items go in the background, now and every six hours; kept items never do.
  const cleanUp = () => void cleanUpOldItems(db).catch((error: unknown) => console.error('PressWatch clean-up:', error));
  cleanUp();
  setInterval(cleanUp, 6 * 60 * 60 * 1000);
  const statuses = await client['sources.status']();
  root.render(
    <StrictMode>
      <Root db={db} client={client} statuses={statuses} presets={info.presets} />
    </StrictMode>,
  );
  rootElement.dataset.appState = 'ready';
}

start().catch((error: unknown) => showFatal(i18n.t('app.startFailed', { message: error instanceof Error ? error.message : String(error) })));
