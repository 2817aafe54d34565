// Start-up: pick the host's client once, open the database, connect it to the service, render.
// `data-app-state` on #root tells tests (and support) where start-up is: loading, ready, error.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { openDatabase } from './db/schema';
import { pickClient } from './host/pickClient';
import { initI18n } from './i18n';
import { connectService, seedDefaultSources } from './sync/connectService';
import './styles.css';

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

async function start() {
  const client = pickClient();
  const db = openDatabase();
  await db.open();
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
  await connectService(db, client, (message) => console.error('PressWatch:', message));
  const statuses = await client['sources.status']();
  root.render(
    <StrictMode>
      <App db={db} client={client} initialStatuses={statuses} />
    </StrictMode>,
  );
  rootElement.dataset.appState = 'ready';
}

start().catch((error: unknown) => showFatal(i18n.t('app.startFailed', { message: error instanceof Error ? error.message : String(error) })));
