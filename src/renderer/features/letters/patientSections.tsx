import { IconMail } from '@tabler/icons-react';
import type { PatientSection } from '../patients/sections';
import { lazyScreen } from '../../app/lazyScreen';

/** The letters link on a patient's overview (opens /patients/:patientId/letters). */
export const lettersPatientSections: PatientSection[] = [
  {
    path: 'letters',
    label: 'Letters',
    description: 'Guidance requests, reassessment, discharge and urgent letters; what was sent and what came back',
    icon: IconMail,
    element: lazyScreen(
      () => import('./PatientLetters'),
      (m) => m.PatientLetters,
    ),
  },
];
