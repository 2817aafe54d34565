// The client of the browser host: methods over POST /api/<method>, events over server-sent events.
import { apiEventNames, apiMethodNames, type ApiClient, type ApiEvent, type ApiEvents } from '../../src-shared/api';

export function createHttpClient(baseUrl: string, token: string): ApiClient {
  const listeners = new Map<ApiEvent, Set<(payload: never) => void>>();
  const events = new EventSource(`${baseUrl}api/events?token=${encodeURIComponent(token)}`);
  for (const name of apiEventNames) {
    events.addEventListener(name, (message) => {
      const payload = JSON.parse((message as MessageEvent<string>).data) as ApiEvents[typeof name];
      for (const listener of listeners.get(name) ?? []) (listener as (p: typeof payload) => void)(payload);
    });
  }
  const call = async (method: string, args: unknown[]): Promise<unknown> => {
    const response = await fetch(`${baseUrl}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-presswatch-token': token },
      body: JSON.stringify(args),
    });
    const body = (await response.json().catch(() => ({ error: `HTTP ${response.status}` }))) as { result?: unknown; error?: string };
    if (!response.ok || body.error) throw new Error(body.error ?? `HTTP ${response.status}`);
    return body.result ?? undefined;
  };
  const client: Record<string, unknown> = {
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
  for (const method of apiMethodNames) client[method] = (...args: unknown[]) => call(method, args);
  return Object.freeze(client) as unknown as ApiClient;
}
