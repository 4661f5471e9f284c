import type { SettingsPanel } from '../settings/panels';
import { ContactsDirectory } from './contacts';
import { PrecautionsPanel } from './PrecautionsPanel';
import { SiteAlertsPanel } from './SiteAlertsPanel';

/** Panels the patients workflow adds to Settings. */
export const patientsSettingsPanels: SettingsPanel[] = [
  { id: 'contacts', title: 'Contacts directory', element: <ContactsDirectory /> },
  { id: 'site-alerts', title: 'Metastatic-site alerts', element: <SiteAlertsPanel /> },
  { id: 'precautions', title: 'Precautions for lines, ports, stomas and surgery', element: <PrecautionsPanel /> },
];
