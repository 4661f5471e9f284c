import type { SettingsPanel } from '../settings/panels';

/** Panels the patients workflow adds to Settings. */
export const patientsSettingsPanels: SettingsPanel[] = [];
