import type { IpcMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/contract';
import { APP_ENTRY_URL } from '../security';
import { registerIpc } from './ipc';

type Handler = (event: { senderFrame: { url: string; parent: unknown } | null }, payload: unknown) => unknown;

function registered(devServerUrl: string | null = null) {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle(channel: string, handler: Handler) {
      expect(handlers.has(channel), `${channel} registered once`).toBe(false);
      handlers.set(channel, handler);
    },
  };
  const dispatched: Array<[string, unknown]> = [];
  registerIpc(
    ipcMain as unknown as IpcMain,
    (channel, payload) => {
      dispatched.push([channel, payload]);
      return Promise.resolve({ ok: true, value: 'done' } as never);
    },
    devServerUrl,
  );
  return { handlers, dispatched };
}

const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });
const refused = {
  ok: false,
  error: { code: 'forbidden', message: 'Request refused: it did not come from Pacewise.', fields: {} },
};

describe('the IPC wiring', () => {
  it('registers every contract channel, and nothing else', () => {
    const { handlers } = registered();
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it('passes a call from the app’s own top frame to dispatch', async () => {
    const { handlers, dispatched } = registered();
    const channel = channelNames[0]!;
    await expect(handlers.get(channel)!(topFrame(APP_ENTRY_URL), { a: 1 })).resolves.toEqual({
      ok: true,
      value: 'done',
    });
    expect(dispatched).toEqual([[channel, { a: 1 }]]);
  });

  it.each([
    ['a foreign page', topFrame('https://example.com/')],
    ['a local file', topFrame('file:///tmp/evil.html')],
    ['an iframe inside the app', { senderFrame: { url: APP_ENTRY_URL, parent: { url: APP_ENTRY_URL } } }],
    ['a sender with no frame (destroyed)', { senderFrame: null }],
    ['the dev server when none is in use', topFrame('http://localhost:5173/')],
  ])('refuses a call from %s without dispatching it', (_label, event) => {
    const { handlers, dispatched } = registered();
    for (const channel of channelNames) {
      expect(handlers.get(channel)!(event, {})).toEqual(refused);
    }
    expect(dispatched).toEqual([]);
  });

  it('accepts the dev server’s top frame in development only', async () => {
    const { handlers, dispatched } = registered('http://localhost:5173');
    const channel = channelNames[0]!;
    await handlers.get(channel)!(topFrame('http://localhost:5173/#/today'), null);
    expect(dispatched).toHaveLength(1);
  });
});
