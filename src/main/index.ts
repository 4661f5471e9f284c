import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { startCaseload, type RunningCaseload } from './caseload';
import { stopRenderer } from './workers/render';
import { hardenApp } from './electron/hardening';
import { registerIpc } from './electron/ipc';
import { saveDialogExportTarget } from './electron/exportTarget';
import { folderExportTarget } from './services/exports/target';
import { dataDirectory, migrationsDirectory } from './electron/paths';
import { registerAppScheme, serveRenderer } from './electron/protocol';
import { APP_ENTRY_URL, secureWebPreferences } from './security';

const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;
let running: RunningCaseload | null = null;

registerAppScheme();
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
  hardenApp(devServerUrl);
  serveRenderer(join(__dirname, '../renderer'));
  try {
    running = startCaseload({
      dataDir: dataDirectory(),
      migrationsDir: migrationsDirectory(),
      appVersion: app.getVersion(),
    });
  } catch (error) {
    // Never open a caseload we cannot trust: tell the clinician why and stop.
    dialog.showErrorBox('Pacewise cannot open the caseload', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  // A folder instead of the save dialog when scripted (the e2e scenarios under Electron).
  const exportDir = process.env['PACEWISE_EXPORT_DIR'];
  running.ctx.exportTarget = exportDir ? folderExportTarget(exportDir) : saveDialogExportTarget();
  registerIpc(running.dispatch, devServerUrl);
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
