import type { ComponentType } from 'react';

/**
 * A section of a patient's record, listed on the overview and opened at
 * `/patients/:patientId/<path>`. Intake lists its own; sessions and reassessment add theirs in
 * their `patientSections.tsx`, so no workflow edits another's files.
 */
export interface PatientSection {
  path: string;
  label: string;
  description?: string;
  icon?: ComponentType<{ size?: number; stroke?: number }>;
  element: React.ReactNode;
}
