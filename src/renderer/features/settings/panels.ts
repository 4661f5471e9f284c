import { createElement, type ReactNode } from 'react';
import { CliniciansPanel } from '../access/CliniciansPanel';
import { MyAccountPanel } from '../access/MyAccountPanel';
import { assessmentsSettingsPanels } from '../assessments/settingsPanels';
import { checkInSettingsPanels } from '../checkIn/settingsPanels';
import { lettersSettingsPanels } from '../letters/settingsPanels';
import { patientsSettingsPanels } from '../patients/settingsPanels';
import { sessionsSettingsPanels } from '../sessions/settingsPanels';
import { CaseloadExportPanel } from '../exports/CaseloadExportPanel';
import { ResearchExportPanel } from '../exports/ResearchExportPanel';
import { CaseloadSafetyPanel } from './CaseloadSafetyPanel';
import { ClinicPanel } from './ClinicPanel';
import { DateFormatPanel } from './DateFormatPanel';
import { DeviceFolderPanel } from './DeviceFolderPanel';
import { LocalTermsPanel } from './LocalTermsPanel';

/** A titled block on the Settings screen, contributed by the workflow that owns the setting. */
export interface SettingsPanel {
  id: string;
  title: string;
  element: ReactNode;
}

/** One page of Settings, with its own place in the Settings navigation (#/settings/<id>). */
export interface SettingsSection {
  id: string;
  title: string;
  panels: SettingsPanel[];
}

/**
 * Panels only a clinic administrator may change (the main process refuses the others' saves; here
 * they are shown read-only, saying so). A panel where only some controls are (Backups and audit
 * trail, My account, Clinicians) shows those read-only itself.
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
  'research-export',
]);

const panel = (id: string, title: string, element: () => ReactNode): SettingsPanel => ({
  id,
  title,
  element: createElement(element),
});

export const settingsSections: SettingsSection[] = [
  {
    id: 'clinic',
    title: 'Clinic and clinicians',
    panels: [
      panel('clinic', 'Clinic', ClinicPanel),
      panel('clinicians', 'Clinicians', CliniciansPanel),
      panel('local-services', 'Local services', LocalTermsPanel),
    ],
  },
  { id: 'account', title: 'My account', panels: [panel('account', 'My account', MyAccountPanel)] },
  { id: 'dates', title: 'Dates', panels: [panel('dates', 'Dates', DateFormatPanel)] },
  { id: 'patients', title: 'Patients and contacts', panels: patientsSettingsPanels },
  { id: 'sessions', title: 'Sessions', panels: sessionsSettingsPanels },
  { id: 'check-in', title: 'Patient check-in', panels: checkInSettingsPanels },
  { id: 'assessments', title: 'Assessments', panels: assessmentsSettingsPanels },
  { id: 'letters', title: 'Letters', panels: lettersSettingsPanels },
  {
    id: 'backups',
    title: 'Backups and audit trail',
    panels: [panel('caseload-safety', 'Backups and audit trail', CaseloadSafetyPanel)],
  },
  {
    id: 'export',
    title: 'Export',
    panels: [
      panel('caseload-export', 'Export the caseload', CaseloadExportPanel),
      panel('research-export', 'Research export (de-identified)', ResearchExportPanel),
    ],
  },
  {
    id: 'computer',
    title: 'This computer',
    panels: [panel('device-folder', 'Data folder on this computer', DeviceFolderPanel)],
  },
];
