import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, session } from 'electron';
import { stopRenderer } from './workers/render';
import { electronFileDialogs } from './electron/dialogs';
import { launchCaseload, type LaunchedCaseload } from './launch';
import { hardenApp } from './electron/hardening';
import { registerIpc } from './electron/ipc';
import { saveDialogExportTarget } from './electron/exportTarget';
import { folderExportTarget } from './services/exports/target';
import { migrationsDirectory, startupFolders } from './electron/paths';
import { registerAppScheme, serveRenderer } from './electron/protocol';
import { createMainWindow, installApplicationMenu } from './electron/window';
import { APP_ENTRY_URL } from './security';

const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;
let running: LaunchedCaseload | null = null;

registerAppScheme(protocol);
// One Pacewise per user: two processes writing one caseload would fight over the file.
const isFirstInstance = app.requestSingleInstanceLock();
if (!isFirstInstance) app.exit(0);

function createWindow(): void {
  createMainWindow(BrowserWindow, {
    packaged: app.isPackaged,
    platform: process.platform,
    preloadPath: join(__dirname, '../preload/index.js'),
    url: devServerUrl ?? APP_ENTRY_URL,
    lock: () => void running?.dispatch('access.lock', { reason: 'window-closed' }),
  });
}

app.whenReady().then(() => {
  if (!isFirstInstance) return;
  hardenApp(app, session.defaultSession, devServerUrl);
  installApplicationMenu(Menu, { packaged: app.isPackaged, platform: process.platform });
  serveRenderer(protocol, join(__dirname, '../renderer'));
  // Start-up problems (a missing, damaged or read-only caseload) open the recovery screen in the
  // window rather than an error box: the clinician sees what happened and what can be done.
  const folders = startupFolders(app, (message) => console.warn(message));
  try {
    running = launchCaseload({
      dataDir: folders.dataDir,
      userDataDir: app.getPath('userData'),
      // What the window's navigator.language will be, so letters default to the screens' date order.
      displayLocale: app.getLocale(),
      migrationsDir: migrationsDirectory(app),
      appVersion: app.getVersion(),
      dialogs: electronFileDialogs(),
      dailyBackup: true,
      reconcileAtStart: true,
      checkAfterOpen: true,
      warmDocuments: true,
      // A folder instead of the save dialog only for scripted runs (paths.ts says when).
      exportTarget: folders.exportDir ? folderExportTarget(folders.exportDir) : saveDialogExportTarget(),
      // A patient check-in fills the screen and hides the rest of the desktop (kiosk mode).
      onPatientView: (open) => {
        for (const window of BrowserWindow.getAllWindows()) window.setKiosk(open);
      },
    });
  } catch (error) {
    // Only a broken installation gets here (its migrations missing): there is no screen to show.
    dialog.showErrorBox('Pacewise cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  registerIpc(ipcMain, running.dispatch, devServerUrl);
  // The computer locked or asleep: Pacewise locks too (the window finds out at its next request).
  const lockForSystem = () => void running?.dispatch('access.lock', { reason: 'system' });
  powerMonitor.on('lock-screen', lockForSystem);
  powerMonitor.on('suspend', lockForSystem);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void stopRenderer();
  running?.close();
});
