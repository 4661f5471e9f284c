import { createElement, type ReactNode } from 'react';
import { assessmentsSettingsPanels } from '../assessments/settingsPanels';
import { checkInSettingsPanels } from '../checkIn/settingsPanels';
import { lettersSettingsPanels } from '../letters/settingsPanels';
import { patientsSettingsPanels } from '../patients/settingsPanels';
import { sessionsSettingsPanels } from '../sessions/settingsPanels';
import { CaseloadExportPanel } from '../exports/CaseloadExportPanel';
import { ResearchExportPanel } from '../exports/ResearchExportPanel';
import { CaseloadSafetyPanel } from './CaseloadSafetyPanel';
import { DateFormatPanel } from './DateFormatPanel';
import { DeviceFolderPanel } from './DeviceFolderPanel';
import { LocalTermsPanel } from './LocalTermsPanel';

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
  'dates',
  'site-alerts',
  'precautions',
  'screen-thresholds',
  'default-battery',
  'custom-measures',
  'letterhead',
  'letter-templates',
  'letter-replies',
  'device-folder',
  'local-services',
  'check-in',
]);

export const settingsPanels: SettingsPanel[] = [
  { id: 'dates', title: 'Dates', element: createElement(DateFormatPanel) },
  { id: 'local-services', title: 'Local services', element: createElement(LocalTermsPanel) },
  ...patientsSettingsPanels,
  ...sessionsSettingsPanels,
  ...checkInSettingsPanels,
  ...assessmentsSettingsPanels,
  ...lettersSettingsPanels,
  { id: 'caseload-safety', title: 'Backups and audit trail', element: createElement(CaseloadSafetyPanel) },
  { id: 'caseload-export', title: 'Export the caseload', element: createElement(CaseloadExportPanel) },
  { id: 'research-export', title: 'Research export (de-identified)', element: createElement(ResearchExportPanel) },
  { id: 'device-folder', title: 'Data folder on this computer', element: createElement(DeviceFolderPanel) },
];
