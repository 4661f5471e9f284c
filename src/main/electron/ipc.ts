import type { IpcMain } from 'electron';
import { channelNames } from '../../shared/contract';
import type { Dispatch } from '../dispatch';
import { isTrustedSender } from '../security';

/** Registers each contract channel once; a call from anything but the app's top frame is refused. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, devServerUrl: string | null): void {
  for (const name of channelNames) {
    ipcMain.handle(name, (event, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Request refused: it did not come from Pacewise.', fields: {} },
        };
      }
      return dispatch(name, payload);
    });
  }
}
