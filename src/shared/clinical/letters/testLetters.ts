import { draftContent } from './draft';
import type { LetterDocument } from './model';
import { builtInTemplates } from './templates';

/**
 * For tests: a guidance request drafted from the built-in template, its planned section `planned`
 * (tests of page breaks lengthen it to move the reply slip down the page).
 */
export function sampleGuidanceRequest(
  options: { planned?: string; letterhead?: Partial<LetterDocument['letterhead']> } = {},
): LetterDocument {
  return {
    content: draftContent({
      type: 'guidance_request',
      date: '2026-12-07',
      reference: 'RCH-1-20261207-GR',
      template: builtInTemplates.guidance_request,
      view: {
        'patient.fullName': 'Mere Tūhoe',
        'patient.preferredName': 'Mere',
        'patient.dateOfBirth': '14 July 1961',
        'clinic.name': 'Harbour Exercise Clinic',
        'testing.planned': options.planned ?? 'Testing at baseline: grip strength.',
        'guidance.reasons': 'Mere has breast cancer.',
        'medications.hrBp': 'Metoprolol 50 mg (Beta-blocker).',
        'recipient.salutation': 'Dr Lima',
      },
      tables: {},
      chart: null,
    }),
    letterhead: {
      clinicName: 'Harbour Exercise Clinic',
      address: '1 Quay Street\nSydney NSW 2000',
      phone: '02 9000 0000',
      email: 'exercise@harbour.example',
      logo: null,
      paper: 'A4',
      dateOrder: 'DMY',
      ...options.letterhead,
    },
    signatory: {
      name: 'Sam Carter',
      profession: 'Clinical exercise physiologist',
      credentials: 'AEP, MClinExPhys',
      registrationNumber: null,
      signature: null,
    },
    recipients: [{ contactId: 'c1', isPatient: false, role: 'to', name: 'Dr Ana Lima', addressLines: ['Riverside'] }],
    patient: { name: 'Mere Tūhoe', dateOfBirth: '1961-07-14', mrn: 'RCH-1' },
  };
}
