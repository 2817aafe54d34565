// The preload exposes one frozen object: a typed client of src-shared/api.ts. Never ipcRenderer,
// never a generic "send anything" function: only the contract's methods and its events.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { apiEventNames, apiMethodNames, type ApiEvent } from '../../src-shared/api';
import { EVENT_CHANNEL, methodChannel } from '../electron/channels';

const client: Record<string, unknown> = {};
for (const method of apiMethodNames) {
  client[method] = (...args: unknown[]) => ipcRenderer.invoke(methodChannel(method), ...args);
}
client.on = (event: ApiEvent, listener: (payload: unknown) => void) => {
  if (!apiEventNames.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
  const handler = (_event: IpcRendererEvent, name: ApiEvent, payload: unknown) => {
    if (name === event) listener(payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  };
};

contextBridge.exposeInMainWorld('presswatch', Object.freeze(client));
