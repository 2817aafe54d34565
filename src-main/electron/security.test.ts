import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { externalUrl, guardNavigation, hardenSession, hardenWebContents, isAppUrl, isPermissionAllowed, isTrustedSender, openExternally, windowOpenHandler } from './security';
import { createFakeElectron } from './testing/fakeElectron';

function recordingShell() {
  const opened: string[] = [];
  return { opened, shell: { openExternal: async (url: string) => void opened.push(url) } };
}

describe('what counts as the app', () => {
  it('is app://presswatch and nothing that merely starts like it', () => {
    expect(isAppUrl('app://presswatch/index.html')).toBe(true);
    expect(isAppUrl('app://presswatch/')).toBe(true);
    for (const url of ['app://presswatch.evil/index.html', 'app://evil/index.html', 'file:///index.html', 'https://presswatch/', 'http://127.0.0.1/', 'about:blank', 'javascript:alert(1)', '', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('links that leave the app', () => {
  it('go to the system only for http(s) and mailto, as parsed', () => {
    expect(externalUrl('https://www.zakon.kz/9990001-news')).toBe('https://www.zakon.kz/9990001-news');
    expect(externalUrl('HTTP://Akorda.KZ/ru')).toBe('http://akorda.kz/ru');
    expect(externalUrl('mailto:press@akorda.kz')).toBe('mailto:press@akorda.kz');
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'file:///etc/passwd', 'smb://evil/share', 'ms-msdt:/id', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'app://presswatch/index.html', 'https://bank.kz@evil.example/', 'http://', '//evil.example', 'relative/path']) {
      expect(externalUrl(url), url).toBeNull();
    }
  });

  it('are opened with shell.openExternal only when allowed', () => {
    const { opened, shell } = recordingShell();
    expect(openExternally(shell, 'javascript:alert(1)')).toBe(false);
    expect(openExternally(shell, 'file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(openExternally(shell, 'https://www.zakon.kz/')).toBe(true);
    expect(opened).toEqual(['https://www.zakon.kz/']);
  });
});

describe('window.open', () => {
  it('never opens an app window; safe links go to the browser', () => {
    const { opened, shell } = recordingShell();
    const handler = windowOpenHandler(shell);
    const details = (url: string) => ({ url, frameName: '', features: '', disposition: 'new-window' as const, referrer: { url: '', policy: 'default' as const } });
    expect(handler(details('https://www.zakon.kz/'))).toEqual({ action: 'deny' });
    expect(handler(details('app://presswatch/index.html'))).toEqual({ action: 'deny' });
    expect(handler(details('javascript:alert(1)'))).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.zakon.kz/']);
  });
});

describe('navigation', () => {
  const navigate = (url: string) => {
    const { opened, shell } = recordingShell();
    let prevented = false;
    guardNavigation(shell)({ url, preventDefault: () => (prevented = true) });
    return { prevented, opened };
  };

  it('stays inside the app, and a link away is stopped and handed to the browser', () => {
    expect(navigate('app://presswatch/index.html#/item/1')).toEqual({ prevented: false, opened: [] });
    expect(navigate('https://www.zakon.kz/')).toEqual({ prevented: true, opened: ['https://www.zakon.kz/'] });
    expect(navigate('file:///etc/passwd')).toEqual({ prevented: true, opened: [] });
    expect(navigate('app://evil/')).toEqual({ prevented: true, opened: [] });
  });

  it('is guarded on every web contents: open, navigate, frame navigate, redirect, webview', () => {
    const { opened, shell } = recordingShell();
    const contents = Object.assign(new EventEmitter(), {
      handler: null as null | ((details: { url: string }) => unknown),
      setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
        this.handler = handler;
      },
    });
    hardenWebContents(contents as unknown as WebContents, shell);
    expect(contents.handler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });

    const event = (url: string) => ({ url, prevented: false, preventDefault() {
      this.prevented = true;
    } });
    const away = event('https://evil.example/phish');
    contents.emit('will-navigate', away, away.url);
    expect(away.prevented).toBe(true);
    const frame = event('https://evil.example/frame');
    contents.emit('will-frame-navigate', frame);
    expect(frame.prevented).toBe(true);
    const redirect = event('https://evil.example/redirected');
    contents.emit('will-redirect', redirect, redirect.url);
    expect(redirect.prevented).toBe(true);
    const webview = event('');
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.prevented).toBe(true);
    const inside = event('app://presswatch/index.html');
    contents.emit('will-navigate', inside, inside.url);
    expect(inside.prevented).toBe(false);
    // One click on a link opens the browser once, not once per navigation event.
    expect(opened).toEqual(['https://evil.example/', 'https://evil.example/phish']);
  });
});

describe('permissions', () => {
  it('grants notifications and nothing else', async () => {
    const fake = createFakeElectron({ appPath: '/app' });
    hardenSession(fake.session as unknown as Session);
    const ask = (permission: string) =>
      new Promise<boolean>((resolve) => fake.session.permissionRequestHandler?.({}, permission, resolve));
    expect(await ask('notifications')).toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'midi', 'pointerLock', 'fullscreen', 'display-capture', 'unknown']) {
      expect(await ask(permission), permission).toBe(false);
      expect(fake.session.permissionCheckHandler?.({}, permission), permission).toBe(false);
    }
    expect(fake.session.permissionCheckHandler?.({}, 'notifications')).toBe(true);
    expect(fake.session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
    expect(isPermissionAllowed('notifications')).toBe(true);
  });

  it('cancels every file: request', () => {
    const fake = createFakeElectron({ appPath: '/app' });
    hardenSession(fake.session as unknown as Session);
    const [rule] = fake.session.beforeRequest;
    expect(rule?.filter.urls).toEqual(['file://*/*']);
    let answer: { cancel?: boolean } = {};
    rule?.listener({ url: 'file:///etc/passwd' }, (response) => (answer = response));
    expect(answer).toEqual({ cancel: true });
  });
});

describe('IPC senders', () => {
  const from = (url: string | null) => ({ senderFrame: url === null ? null : { url } }) as unknown as IpcMainInvokeEvent;
  it('are trusted only when the calling frame shows the app', () => {
    expect(isTrustedSender(from('app://presswatch/index.html'))).toBe(true);
    for (const url of [null, 'https://evil.example/', 'file:///index.html', 'app://presswatch.evil/', 'about:blank', 'devtools://devtools/']) {
      expect(isTrustedSender(from(url)), String(url)).toBe(false);
    }
  });
});
