import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiMethodNames } from '../../src-shared/api';
import { createService, type Service } from '../service';
import { methodChannel } from './channels';
import { REFUSED_SENDER, registerApiHandlers } from './ipc';
import { isTrustedSender } from './security';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

describe('the contract over IPC', () => {
  let dir: string;
  let service: Service;
  const handlers = new Map<string, Handler>();
  const fromApp = { senderFrame: { url: 'app://presswatch/index.html' } } as unknown as IpcMainInvokeEvent;
  const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } } as unknown as IpcMainInvokeEvent;
  const invoke = (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]) => handlers.get(channel)!(event, ...args);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'presswatch-ipc-'));
    service = createService({ dataDir: dir, host: 'electron', version: 'test', defaultSources: [] });
    registerApiHandlers({ handle: (channel, listener) => void handlers.set(channel, listener as Handler) }, service.handlers, isTrustedSender);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('has one channel per contract method and no other', () => {
    expect([...handlers.keys()].sort()).toEqual(apiMethodNames.map(methodChannel).sort());
  });

  it('serves the app\u2019s own page', async () => {
    expect(await invoke(methodChannel('app.info'), fromApp)).toMatchObject({ name: 'PressWatch', host: 'electron' });
  });

  it('refuses every method to a sender that is not the app, before looking at its arguments', async () => {
    for (const method of apiMethodNames) {
      await expect(invoke(methodChannel(method), fromElsewhere), method).rejects.toThrow(REFUSED_SENDER);
      await expect(invoke(methodChannel(method), { senderFrame: null } as unknown as IpcMainInvokeEvent), method).rejects.toThrow(REFUSED_SENDER);
    }
  });

  it('validates arguments against the contract before the service sees them', async () => {
    await expect(invoke(methodChannel('feeds.preview'), fromApp, 'file:///etc/passwd')).rejects.toThrow(/Invalid call to feeds\.preview \(argument 0\): must be an http\(s\) address/);
    await expect(invoke(methodChannel('outbox.ack'), fromApp, { $where: 1 })).rejects.toThrow(/Invalid call to outbox\.ack/);
    await expect(invoke(methodChannel('sources.sync'), fromApp, [{ id: 'x', url: 'javascript:alert(1)' }])).rejects.toThrow(/Invalid call to sources\.sync/);
    await expect(invoke(methodChannel('app.info'), fromApp, 'extra')).rejects.toThrow(/Invalid call to app\.info/);
  });
});
