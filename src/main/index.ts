import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, session } from 'electron';
import { stopRenderer } from './workers/render';
import { electronFileDialogs } from './electron/dialogs';
import { launchCaseload, type LaunchedCaseload } from './launch';
import { hardenApp } from './electron/hardening';
import { registerIpc } from './electron/ipc';
import { saveDialogExportTarget } from './electron/exportTarget';
import { folderExportTarget } from './services/exports/target';
import { dataDirectory, migrationsDirectory } from './electron/paths';
import { registerAppScheme, serveRenderer } from './electron/protocol';
import { APP_ENTRY_URL, secureWebPreferences } from './security';

const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;
let running: LaunchedCaseload | null = null;

registerAppScheme(protocol);
// One Pacewise per user: two processes writing one caseload would fight over the file.
const isFirstInstance = app.requestSingleInstanceLock();
if (!isFirstInstance) app.exit(0);

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Pacewise',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

app.whenReady().then(() => {
  if (!isFirstInstance) return;
  hardenApp(app, session.defaultSession, devServerUrl);
  serveRenderer(protocol, join(__dirname, '../renderer'));
  // Start-up problems (a missing, damaged or read-only caseload) open the recovery screen in the
  // window rather than an error box: the clinician sees what happened and what can be done.
  // A folder instead of the save dialog when scripted (the e2e scenarios under Electron).
  const exportDir = process.env['PACEWISE_EXPORT_DIR'];
  try {
    running = launchCaseload({
      dataDir: dataDirectory(app, (message) => console.warn(message)),
      userDataDir: app.getPath('userData'),
      migrationsDir: migrationsDirectory(app),
      appVersion: app.getVersion(),
      dialogs: electronFileDialogs(),
      dailyBackup: true,
      reconcileAtStart: true,
      exportTarget: exportDir ? folderExportTarget(exportDir) : saveDialogExportTarget(),
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
