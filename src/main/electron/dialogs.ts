import { BrowserWindow, dialog } from 'electron';
import type { FileDialogs } from '../context';

/** Electron's own folder and file pickers, behind the small port the services use. */
export function electronFileDialogs(): FileDialogs {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    async chooseBackupFolder() {
      const window = parent();
      const options: Electron.OpenDialogOptions = {
        title: 'Choose where to save the backup',
        buttonLabel: 'Back up here',
        properties: ['openDirectory', 'createDirectory'],
      };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseBackupFile() {
      const window = parent();
      const options: Electron.OpenDialogOptions = {
        title: 'Choose a Pacewise backup',
        buttonLabel: 'Open backup',
        properties: ['openFile'],
        filters: [{ name: 'Pacewise backup', extensions: ['db'] }],
      };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
