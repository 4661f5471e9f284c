import type { ClinicDate } from '../../dates';

/**
 * Letters to the oncology team (FACTS.md §6). A letter is a small document model: the editable
 * content (subject, salutation, sections) plus what the record and Settings supply around it
 * (letterhead, recipients, signature). The on-screen preview, the PDF and the DOCX are all drawn
 * from `letterBlocks(document)`, so the three cannot say different things.
 */

export const letterTypes = ['guidance_request', 'reassessment', 'discharge', 'urgent_concern', 'free'] as const;
export type LetterType = (typeof letterTypes)[number];

export const letterTypeLabels: Record<LetterType, string> = {
  guidance_request: 'Request for medical guidance (clearance)',
  reassessment: 'Reassessment and progress',
  discharge: 'Discharge summary',
  urgent_concern: 'Urgent concern',
  free: 'Letter',
};

export const sendMethods = ['email', 'fax', 'secure_messaging', 'post', 'handed_to_patient'] as const;
export type SendMethod = (typeof sendMethods)[number];
export const sendMethodLabels: Record<SendMethod, string> = {
  email: 'Email',
  fax: 'Fax',
  secure_messaging: 'Secure messaging',
  post: 'Post',
  handed_to_patient: 'Handed to the patient',
};

export const paperSizes = ['A4', 'LETTER'] as const;
export type PaperSize = (typeof paperSizes)[number];

export interface LetterTable {
  columns: string[];
  rows: string[][];
}

export interface LetterChart {
  measureKey: string;
  title: string;
  unit: string;
  decimals: number;
  points: Array<{ date: ClinicDate; value: number }>;
  baseline: number | null;
}

/** Which structured block a section carries below its text; fixed per built-in section. */
export type SectionInsert = 'outcomes' | 'lesions' | 'decision' | null;

export interface LetterSection {
  key: string;
  heading: string;
  /** Plain text; a blank line separates paragraphs. An empty section is left out of the letter. */
  text: string;
  insert: SectionInsert;
  table: LetterTable | null;
}

/** What the specialist edits. Stored as the draft, and frozen with the rest at finalising. */
export interface LetterContent {
  type: LetterType;
  date: ClinicDate;
  reference: string;
  subject: string;
  salutation: string;
  sections: LetterSection[];
  closing: string;
  chart: LetterChart | null;
}

export interface LetterRecipient {
  /** A contact from the directory, or null for the patient. */
  contactId: string | null;
  isPatient: boolean;
  role: 'to' | 'cc';
  name: string;
  /** The address block, one line per entry; empty when the directory has no address. */
  addressLines: string[];
}

export interface Letterhead {
  clinicName: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** A data: URL (PNG or JPEG), or null. */
  logo: string | null;
  paper: PaperSize;
  /** BCP 47 tag used for dates in letters, e.g. en-AU. */
  locale: string;
}

export interface Signatory {
  name: string;
  credentials: string | null;
  registrationNumber: string | null;
  /** A data: URL (PNG or JPEG), or null. */
  signature: string | null;
}

/** Everything a letter is rendered from. A finalised letter stores this whole, so it never changes. */
export interface LetterDocument {
  content: LetterContent;
  letterhead: Letterhead;
  signatory: Signatory;
  recipients: LetterRecipient[];
  patient: { name: string; dateOfBirth: ClinicDate; mrn: string };
}

export type LetterBlock =
  | { kind: 'letterhead'; clinicName: string; lines: string[]; logo: string | null }
  | { kind: 'address'; lines: string[] }
  | { kind: 'meta'; lines: string[] }
  | { kind: 'subject'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'table'; table: LetterTable }
  | { kind: 'chart'; chart: LetterChart }
  | { kind: 'checklist'; items: string[] }
  | { kind: 'signature'; image: string | null; lines: string[] }
  | { kind: 'copies'; lines: string[] };

/** A clinic date in the clinic's own format, spelled out so 03/04 can never be read two ways. */
export function letterDate(date: ClinicDate, locale: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, d)),
    );
  } catch {
    return date;
  }
}

export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The doctor's ticks on a guidance request (Fitness Australia / formsbank structure, FACTS §6). */
export const guidanceChoices = [
  'No restrictions: may take part in the exercise described',
  'May take part with these restrictions: ______________________________',
  'Should not take part at present. Reason: ______________________________',
];

/** The line printed at the foot of every page: who the letter is about, and the page. */
export function footerText(doc: LetterDocument, page: number, pages: number): string {
  return `${doc.patient.name} · born ${letterDate(doc.patient.dateOfBirth, doc.letterhead.locale)} · MRN ${doc.patient.mrn} · Page ${page} of ${pages}`;
}

export function letterTitle(doc: LetterDocument): string {
  return `${letterTypeLabels[doc.content.type]}: ${doc.patient.name}`;
}

/** The letter as an ordered list of blocks: the single layout the preview, PDF and DOCX all follow. */
export function letterBlocks(doc: LetterDocument): LetterBlock[] {
  const { content, letterhead, signatory } = doc;
  const blocks: LetterBlock[] = [
    {
      kind: 'letterhead',
      clinicName: letterhead.clinicName,
      lines: [
        ...(letterhead.address ? letterhead.address.split('\n') : []),
        [letterhead.phone ? `Phone ${letterhead.phone}` : null, letterhead.email].filter(Boolean).join(' · '),
      ].filter((l) => l.trim().length > 0),
      logo: letterhead.logo,
    },
  ];
  const to = doc.recipients.filter((r) => r.role === 'to');
  for (const r of to) blocks.push({ kind: 'address', lines: [r.name, ...r.addressLines] });
  blocks.push({
    kind: 'meta',
    lines: [
      letterDate(content.date, letterhead.locale),
      `Our reference: ${content.reference}`,
      `Patient: ${doc.patient.name}, born ${letterDate(doc.patient.dateOfBirth, letterhead.locale)}, MRN ${doc.patient.mrn}`,
    ],
  });
  if (content.salutation.trim()) blocks.push({ kind: 'paragraph', text: content.salutation.trim() });
  if (content.subject.trim()) blocks.push({ kind: 'subject', text: content.subject.trim() });
  for (const section of content.sections) {
    const paragraphs = paragraphsOf(section.text);
    const hasInsert = section.table !== null || section.insert === 'decision';
    if (paragraphs.length === 0 && !hasInsert) continue;
    if (section.heading.trim()) blocks.push({ kind: 'heading', text: section.heading.trim() });
    for (const text of paragraphs) blocks.push({ kind: 'paragraph', text });
    if (section.table && section.table.rows.length > 0) blocks.push({ kind: 'table', table: section.table });
    if (section.insert === 'outcomes' && content.chart && content.chart.points.length > 1) {
      blocks.push({ kind: 'chart', chart: content.chart });
    }
    if (section.insert === 'decision') blocks.push({ kind: 'checklist', items: guidanceChoices });
  }
  if (content.closing.trim()) blocks.push({ kind: 'paragraph', text: content.closing.trim() });
  blocks.push({
    kind: 'signature',
    image: signatory.signature,
    lines: [
      signatory.name,
      signatory.credentials,
      signatory.registrationNumber ? `Registration ${signatory.registrationNumber}` : null,
      letterhead.clinicName,
      [letterhead.phone, letterhead.email].filter(Boolean).join(' · ') || null,
    ].filter((l): l is string => !!l && l.trim().length > 0),
  });
  const cc = doc.recipients.filter((r) => r.role === 'cc');
  if (cc.length > 0) blocks.push({ kind: 'copies', lines: cc.map((r) => r.name) });
  return blocks;
}

/** Every word of the letter as plain text, in order: what a reader (or a test) sees. */
export function letterPlainText(doc: LetterDocument): string {
  const out: string[] = [];
  for (const b of letterBlocks(doc)) {
    switch (b.kind) {
      case 'letterhead':
        out.push(b.clinicName, ...b.lines);
        break;
      case 'address':
      case 'meta':
      case 'signature':
        out.push(...b.lines);
        break;
      case 'copies':
        out.push(`Copies to: ${b.lines.join('; ')}`);
        break;
      case 'subject':
      case 'paragraph':
      case 'heading':
        out.push(b.text);
        break;
      case 'table':
        out.push(b.table.columns.join(' | '), ...b.table.rows.map((r) => r.join(' | ')));
        break;
      case 'chart':
        out.push(b.chart.title);
        break;
      case 'checklist':
        out.push(...b.items);
        break;
    }
  }
  return out.join('\n');
}

/** A guidance request waiting for the doctor's reply, as the caseload and Today show it. */
export interface GuidanceReplyWait {
  since: ClinicDate;
  days: number;
  overdue: boolean;
}

/**
 * Overdue once more than `waitDays` days have passed since the request was sent (clinic policy,
 * 14 days by default, in Settings → Letters).
 */
export function guidanceReplyWait(
  since: ClinicDate | null,
  today: ClinicDate,
  waitDays: number,
): GuidanceReplyWait | null {
  if (!since) return null;
  const [y1, m1, d1] = since.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = today.split('-').map(Number) as [number, number, number];
  const days = Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
  return { since, days, overdue: days > waitDays };
}
