// The preload with Electron replaced by a recording fake: what the page receives is one frozen
// object with the contract's methods and `on`, and never ipcRenderer or a generic send.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiMethodNames } from '../../src-shared/api';
import { EVENT_CHANNEL, methodChannel } from '../electron/channels';

async function loadPreload() {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return 'answer';
    },
  });
  vi.resetModules();
  vi.doMock('electron', () => ({
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void exposed.set(key, value) },
    ipcRenderer,
  }));
  await import('./index');
  return { exposed, invoked, ipcRenderer };
}

afterEach(() => {
  vi.doUnmock('electron');
});

describe('the preload', () => {
  it('exposes exactly one frozen object: the contract\u2019s methods and on()', async () => {
    const { exposed } = await loadPreload();
    expect([...exposed.keys()]).toEqual(['presswatch']);
    const client = exposed.get('presswatch') as Record<string, unknown>;
    expect(Object.isFrozen(client)).toBe(true);
    expect(Object.keys(client).sort()).toEqual([...apiMethodNames, 'on'].sort());
    for (const value of Object.values(client)) expect(typeof value).toBe('function');
    expect(client).not.toHaveProperty('ipcRenderer');
    expect(client).not.toHaveProperty('send');
    expect(client).not.toHaveProperty('invoke');
  });

  it('calls each method on its own channel', async () => {
    const { exposed, invoked } = await loadPreload();
    const client = exposed.get('presswatch') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await expect(client['feeds.preview']!('https://www.zakon.kz/rss/')).resolves.toBe('answer');
    expect(invoked).toEqual([[methodChannel('feeds.preview'), 'https://www.zakon.kz/rss/']]);
  });

  it('delivers only the event asked for, and the returned function unsubscribes', async () => {
    const { exposed, ipcRenderer } = await loadPreload();
    const client = exposed.get('presswatch') as { on(event: string, listener: (payload: unknown) => void): () => void };
    const received: unknown[] = [];
    const off = client.on('sources.status', (payload) => received.push(payload));
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'items.batch', { batchId: 'b' });
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'sources.status', { sourceId: 'zakon' });
    off();
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'sources.status', { sourceId: 'akorda' });
    expect(received).toEqual([{ sourceId: 'zakon' }]);
    expect(() => client.on('anything', () => undefined)).toThrow(/Unknown event/);
  });

  it('never hands the page the IPC event object, whose sender reaches ipcRenderer', async () => {
    const { exposed, ipcRenderer } = await loadPreload();
    const client = exposed.get('presswatch') as { on(event: string, listener: (...args: unknown[]) => void): () => void };
    const calls: unknown[][] = [];
    client.on('items.batch', (...args) => calls.push(args));
    ipcRenderer.emit(EVENT_CHANNEL, { sender: ipcRenderer }, 'items.batch', { batchId: 'b' });
    expect(calls).toEqual([[{ batchId: 'b' }]]);
  });
});
