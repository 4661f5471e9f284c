import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { FilePort } from '../files';

/** In the app, exported letters go where the specialist chooses in the system's save dialog. */
export const saveDialogFilePort: FilePort = {
  async saveAs(suggestedName, bytes, filter) {
    const options = {
      title: 'Save letter',
      defaultPath: join(app.getPath('documents'), basename(suggestedName)),
      filters: [filter],
    };
    const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    await writeFile(result.filePath, bytes);
    return result.filePath;
  },
};
