// The Electron security checklist in one place: which URLs count as the app, what may leave it
// for the system browser, what a page may ask for, and where it may go. main.ts applies these to
// every web contents and to the session; security.test.ts pins each rule.
import type { Event, HandlerDetails, IpcMainInvokeEvent, Session, Shell, WebContents, WindowOpenHandlerResponse } from 'electron';
import { APP_HOST, APP_SCHEME } from './channels';

/** True only for pages the app itself serves: app://presswatch/... */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The address to hand to the system, or null. Only http(s) and mailto leave the app: a feed's
 * link could otherwise be file:, smb:, a custom handler such as ms-msdt:, or javascript:.
 * The URL is parsed and re-serialised so that what is opened is exactly what was checked.
 */
export function externalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
    // Credentials in a link are a phishing trick ("https://bank.kz@evil.example/").
    if (parsed.username || parsed.password || !parsed.hostname) return null;
    return parsed.href;
  }
  if (parsed.protocol === 'mailto:') return parsed.href;
  return null;
}

export function openExternally(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  const safe = externalUrl(url);
  if (safe === null) return false;
  void shell.openExternal(safe).catch(() => {
    // No handler for the scheme on this system: nothing else to do.
  });
  return true;
}

/** The only permission a page of ours uses is notifications; everything else is refused. */
export function isPermissionAllowed(permission: string): boolean {
  return permission === 'notifications';
}

/** Applies the permission rules to a session (the app uses only the default one). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  // USB, HID, serial and Bluetooth devices: never.
  session.setDevicePermissionHandler(() => false);
  // file: pages and subresources would bypass the app:// handler's checks and policy.
  session.webRequest.onBeforeRequest({ urls: ['file://*/*'] }, (_details, callback) => callback({ cancel: true }));
}

export function windowOpenHandler(shell: Pick<Shell, 'openExternal'>) {
  return ({ url }: HandlerDetails): WindowOpenHandlerResponse => {
    // No window of the app is ever opened by a page: links go to the system browser, or nowhere.
    openExternally(shell, url);
    return { action: 'deny' };
  };
}

/** Navigation inside the app is fine; anything else is stopped and, if safe, opened outside. */
export function guardNavigation(shell: Pick<Shell, 'openExternal'>) {
  return (event: Pick<Event, 'preventDefault'> & { url: string }): void => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openExternally(shell, event.url);
  };
}

/** Applies the navigation rules to one web contents; main.ts calls it for every one created. */
export function hardenWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.setWindowOpenHandler(windowOpenHandler(shell));
  // will-navigate (main frame) may hand a link to the browser; will-frame-navigate also sees
  // subframes and only stops them, so one click never opens the browser twice.
  contents.on('will-navigate', guardNavigation(shell));
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // <webview> is off in webPreferences; refusing the attach covers a preference flipped by mistake.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** An IPC call is served only when it comes from a frame showing the app itself. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return isAppUrl(frame.url);
}
