import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { ExportKind, ExportTarget } from '../services/exports/target';

const filters: Record<ExportKind, Array<{ name: string; extensions: string[] }>> = {
  zip: [{ name: 'Zip archive of CSV files', extensions: ['zip'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
  docx: [{ name: 'Word document', extensions: ['docx'] }],
  scan: [{ name: 'Scanned document', extensions: ['pdf', 'png', 'jpg', 'jpeg'] }],
  handout: [{ name: 'PDF document', extensions: ['pdf'] }],
  fhir: [{ name: 'FHIR R4 Bundle (JSON)', extensions: ['json'] }],
  research: [{ name: 'Zip archive of CSV files with a REDCap data dictionary', extensions: ['zip'] }],
};
const titles: Record<ExportKind, string> = {
  zip: 'Export the caseload',
  json: "Export the patient's record",
  pdf: 'Save the letter',
  docx: 'Save the letter',
  scan: 'Save the scanned reply',
  handout: 'Save the patient handout',
  fhir: "Export the patient's record as FHIR",
  research: 'Export de-identified research data',
};

/** The specialist picks where an export goes (a USB stick, the practice's records drive). */
export function saveDialogExportTarget(): ExportTarget {
  return {
    async choose({ suggestedName, kind }) {
      const options = {
        title: titles[kind],
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
