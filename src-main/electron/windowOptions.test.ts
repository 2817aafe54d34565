import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './windowOptions';

describe('the main window', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');
  const web = options.webPreferences ?? {};

  it('isolates the page: context isolation, sandbox, no Node anywhere', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security: same-origin policy, no mixed content, no webview, no experiments', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.enableBlinkFeatures ?? '').toBe('');
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('loads only our preload and starts hidden until painted', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
    expect(options.show).toBe(false);
  });

  it('opens where it was left, never smaller than the layout needs', () => {
    const placed = mainWindowOptions('/p', { bounds: { x: 100, y: 80, width: 1200, height: 700 }, icon: '/app/resources/icons/icon.png' });
    expect(placed).toMatchObject({ x: 100, y: 80, width: 1200, height: 700, minWidth: 960, minHeight: 600, icon: '/app/resources/icons/icon.png' });
    expect(placed.webPreferences).toEqual({ ...web, preload: '/p' });
  });
});
