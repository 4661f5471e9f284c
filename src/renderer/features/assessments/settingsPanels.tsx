import type { SettingsPanel } from '../settings/panels';

/** Panels the assessments workflow adds to Settings. */
export const assessmentsSettingsPanels: SettingsPanel[] = [];
