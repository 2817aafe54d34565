// Decided once at start-up: the Electron preload bridge when present, else the browser host's
// HTTP client. Nothing else in the renderer asks which host it runs in.
import type { ApiClient } from '../../src-shared/api';
import { createHttpClient } from './httpClient';

declare global {
  interface Window {
    /** Exposed by src-main/preload in the desktop app only. */
    presswatch?: ApiClient;
  }
}

const TOKEN_KEY = 'presswatch.token';

export function pickClient(): ApiClient {
  if (window.presswatch) return window.presswatch;
  // The browser host prints http://127.0.0.1:PORT/#token=...; keep the token for reloads of this
  // tab and take it out of the address bar so it is not copied around.
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = fromHash ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  return createHttpClient(new URL('/', window.location.href).href, token);
}
