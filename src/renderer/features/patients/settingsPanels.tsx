import type { SettingsPanel } from '../settings/panels';
import { ContactsDirectory } from './contacts';

/** Panels the patients workflow adds to Settings. */
export const patientsSettingsPanels: SettingsPanel[] = [
  { id: 'contacts', title: 'Contacts directory', element: <ContactsDirectory /> },
];
