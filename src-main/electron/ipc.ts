// The contract over IPC: one handler per method, each refusing calls that do not come from the
// app's own page and validating arguments against the contract's schema before the service sees
// them. A compromised or foreign frame gets an error, never a half-checked call.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { apiMethodNames, parseApiArgs, type ApiHandlers } from '../../src-shared/api';
import { methodChannel } from './channels';

export const REFUSED_SENDER = 'Refused: the call did not come from the PressWatch window';

export function registerApiHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: ApiHandlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): void {
  for (const method of apiMethodNames) {
    ipcMain.handle(methodChannel(method), async (event, ...raw: unknown[]) => {
      if (!isTrustedSender(event)) throw new Error(REFUSED_SENDER);
      const args = parseApiArgs(method, raw);
      const handler = handlers[method] as (...a: unknown[]) => Promise<unknown>;
      return handler(...(args as unknown[]));
    });
  }
}
