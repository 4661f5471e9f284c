import type { SettingsPanel } from '../settings/panels';

/** Panels the sessions workflow adds to Settings. */
export const sessionsSettingsPanels: SettingsPanel[] = [];
