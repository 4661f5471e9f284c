import { createElement, type ReactNode } from 'react';
import { assessmentsSettingsPanels } from '../assessments/settingsPanels';
import { checkInSettingsPanels } from '../checkIn/settingsPanels';
import { lettersSettingsPanels } from '../letters/settingsPanels';
import { patientsSettingsPanels } from '../patients/settingsPanels';
import { sessionsSettingsPanels } from '../sessions/settingsPanels';
import { CaseloadExportPanel } from '../exports/CaseloadExportPanel';
import { CaseloadSafetyPanel } from './CaseloadSafetyPanel';
import { DateFormatPanel } from './DateFormatPanel';
import { DeviceFolderPanel } from './DeviceFolderPanel';

/** A titled block on the Settings screen, contributed by the workflow that owns the setting. */
export interface SettingsPanel {
  id: string;
  title: string;
  element: ReactNode;
}

/**
 * Panels only a clinic administrator may change (the main process refuses the others' saves; here
 * they are shown read-only, saying so).
 */
export const adminPanelIds: ReadonlySet<string> = new Set([
  'site-alerts',
  'screen-thresholds',
  'default-battery',
  'custom-measures',
  'letterhead',
  'letter-templates',
  'letter-replies',
  'device-folder',
  'check-in',
]);

export const settingsPanels: SettingsPanel[] = [
  { id: 'dates', title: 'Dates', element: createElement(DateFormatPanel) },
  ...patientsSettingsPanels,
  ...sessionsSettingsPanels,
  ...checkInSettingsPanels,
  ...assessmentsSettingsPanels,
  ...lettersSettingsPanels,
  { id: 'caseload-safety', title: 'Backups and audit trail', element: createElement(CaseloadSafetyPanel) },
  { id: 'caseload-export', title: 'Export the caseload', element: createElement(CaseloadExportPanel) },
  { id: 'device-folder', title: 'Data folder on this computer', element: createElement(DeviceFolderPanel) },
];
