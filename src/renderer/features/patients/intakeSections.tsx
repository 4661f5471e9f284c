import {
  IconBone,
  IconClipboardHeart,
  IconId,
  IconPill,
  IconRibbonHealth,
  IconShieldCheck,
  IconTarget,
  IconUsersGroup,
  IconVaccine,
} from '@tabler/icons-react';
import { lazyScreen } from '../../app/lazyScreen';
import type { PatientSection } from './sections';

/** The intake, one screen per section, in the order a specialist usually takes a referral in. */
export const intakeSections: PatientSection[] = [
  {
    path: 'details',
    label: 'Personal details and status',
    icon: IconId,
    element: lazyScreen(
      () => import('./sections/DetailsSection'),
      (m) => m.DetailsSection,
    ),
  },
  {
    path: 'referral',
    label: 'Referral and care team',
    icon: IconUsersGroup,
    element: lazyScreen(
      () => import('./sections/CareTeamSection'),
      (m) => m.CareTeamSection,
    ),
  },
  {
    path: 'cancer',
    label: 'Cancer and metastases',
    icon: IconRibbonHealth,
    element: lazyScreen(
      () => import('./sections/CancerSection'),
      (m) => m.CancerSection,
    ),
  },
  {
    path: 'bone-lesions',
    label: 'Bone lesions',
    icon: IconBone,
    element: lazyScreen(
      () => import('./sections/BoneLesionsSection'),
      (m) => m.BoneLesionsSection,
    ),
  },
  {
    path: 'treatments',
    label: 'Treatments',
    icon: IconVaccine,
    element: lazyScreen(
      () => import('./sections/TreatmentsSection'),
      (m) => m.TreatmentsSection,
    ),
  },
  {
    path: 'health',
    label: 'Comorbidities and medications',
    icon: IconPill,
    element: lazyScreen(
      () => import('./sections/HealthSection'),
      (m) => m.HealthSection,
    ),
  },
  {
    path: 'clearance',
    label: 'Medical clearance',
    icon: IconShieldCheck,
    element: lazyScreen(
      () => import('./sections/ClearanceSection'),
      (m) => m.ClearanceSection,
    ),
  },
  {
    path: 'screening',
    label: 'Baseline screening',
    icon: IconClipboardHeart,
    element: lazyScreen(
      () => import('./sections/ScreeningSection'),
      (m) => m.ScreeningSection,
    ),
  },
  {
    path: 'goals',
    label: 'Goals',
    icon: IconTarget,
    element: lazyScreen(
      () => import('./sections/GoalsSection'),
      (m) => m.GoalsSection,
    ),
  },
];
