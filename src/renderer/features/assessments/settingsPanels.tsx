import type { SettingsPanel } from '../settings/panels';
import { CustomMeasuresPanel, DefaultBatteryPanel } from './MeasuresSettings';

/** Panels the assessments workflow adds to Settings. */
export const assessmentsSettingsPanels: SettingsPanel[] = [
  { id: 'default-battery', title: 'Default assessment battery', element: <DefaultBatteryPanel /> },
  { id: 'custom-measures', title: 'Clinic outcome measures', element: <CustomMeasuresPanel /> },
];
