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
import { BoneLesionsSection } from './sections/BoneLesionsSection';
import { CancerSection } from './sections/CancerSection';
import { CareTeamSection } from './sections/CareTeamSection';
import { ClearanceSection } from './sections/ClearanceSection';
import { DetailsSection } from './sections/DetailsSection';
import { GoalsSection } from './sections/GoalsSection';
import { HealthSection } from './sections/HealthSection';
import { ScreeningSection } from './sections/ScreeningSection';
import { TreatmentsSection } from './sections/TreatmentsSection';
import type { PatientSection } from './sections';

/** The intake, one screen per section, in the order a specialist usually takes a referral in. */
export const intakeSections: PatientSection[] = [
  { path: 'details', label: 'Personal details and status', icon: IconId, element: <DetailsSection /> },
  { path: 'referral', label: 'Referral and care team', icon: IconUsersGroup, element: <CareTeamSection /> },
  { path: 'cancer', label: 'Cancer and metastases', icon: IconRibbonHealth, element: <CancerSection /> },
  { path: 'bone-lesions', label: 'Bone lesions', icon: IconBone, element: <BoneLesionsSection /> },
  { path: 'treatments', label: 'Treatments', icon: IconVaccine, element: <TreatmentsSection /> },
  { path: 'health', label: 'Comorbidities and medications', icon: IconPill, element: <HealthSection /> },
  { path: 'clearance', label: 'Medical clearance', icon: IconShieldCheck, element: <ClearanceSection /> },
  { path: 'screening', label: 'Baseline screening', icon: IconClipboardHeart, element: <ScreeningSection /> },
  { path: 'goals', label: 'Goals', icon: IconTarget, element: <GoalsSection /> },
];
