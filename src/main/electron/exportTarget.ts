import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { ExportTarget } from '../services/exports/target';

const filters = {
  zip: [{ name: 'Zip archive of CSV files', extensions: ['zip'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
};

/** The specialist picks where an export goes (a USB stick, the practice's records drive). */
export function saveDialogExportTarget(): ExportTarget {
  return {
    async choose({ suggestedName, kind }) {
      const options = {
        title: kind === 'zip' ? 'Export the caseload' : "Export the patient's record",
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: filters[kind],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
          'createDirectory' | 'showOverwriteConfirmation'
        >,
      };
      const window = BrowserWindow.getFocusedWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
