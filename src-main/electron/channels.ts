// IPC channel names, derived from the contract's method names: never typed twice.
// (Kept free of `electron` imports so the preload and main share it.)
import type { ApiMethod } from '../../src-shared/api';

export const EVENT_CHANNEL = 'presswatch:event';
export const methodChannel = (method: ApiMethod): string => `presswatch:${method}`;
export const APP_SCHEME = 'app';
export const APP_HOST = 'presswatch';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
