import { defaultDateOrderFor, formatDateAs, isClinicDate, type ClinicDate, type DateOrder } from '../../dates';

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
  /**
   * The clinic's date order (Settings → Dates), frozen with the letter. Letters always name the
   * month ("7 December 2026", "December 7, 2026"); a year-first clinic gets ISO dates.
   */
  dateOrder?: DateOrder;
  /** Letters finalised before dates followed Settings → Dates carry the locale they were written in. */
  locale?: string;
}

export interface Signatory {
  name: string;
  /** "Clinical exercise physiologist": what the doctor is writing back to. Absent in older letters. */
  profession?: string | null;
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
  | { kind: 'chart'; chart: LetterChart; dateLabels: string[] }
  | { kind: 'signature'; image: string | null; lines: string[] }
  | { kind: 'copies'; lines: string[] }
  | GuidanceSlip;

/**
 * The doctor's reply slip on a guidance request. It comes after our signature, so the letter reads
 * as a letter and the slip can be torn off: it names the patient and our reference again, and
 * where to send it back. Its options are drawn as empty boxes, and it is never split across pages.
 */
export interface GuidanceSlip {
  kind: 'slip';
  heading: string;
  identity: string[];
  paragraphs: string[];
  options: string[];
  /** Above the ruled lines the doctor writes on. */
  notesPrompt: string;
  signLine: string;
  returnTo: string[];
}

/** How many ruled lines follow the notes prompt, in every rendering. */
export const SLIP_RULED_LINES = 3;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The letter's date order; a letter finalised before dates followed Settings → Dates has only a locale. */
function dateOrderOf(letterhead: Pick<Letterhead, 'dateOrder' | 'locale'>): DateOrder {
  return letterhead.dateOrder ?? defaultDateOrderFor(letterhead.locale ?? 'en-AU');
}

/**
 * A clinic date as the letter prints it: in the clinic's date order with the month spelled out, so
 * 03/04 can never be read two ways ("7 December 2026", "December 7, 2026"); ISO for a year-first
 * clinic, which no one misreads either.
 */
export function letterDate(date: ClinicDate, letterhead: Pick<Letterhead, 'dateOrder' | 'locale'>): string {
  if (!isClinicDate(date)) return date;
  const [y, m, d] = date.split('-') as [string, string, string];
  const month = MONTH_NAMES[Number(m) - 1]!;
  switch (dateOrderOf(letterhead)) {
    case 'YMD':
      return date;
    case 'MDY':
      return `${month} ${Number(d)}, ${y}`;
    case 'DMY':
      return `${Number(d)} ${month} ${y}`;
  }
}

/** The short form for chart axes, in the same order: "7 Dec 2026", "Dec 7, 2026", "2026-12-07". */
export function letterShortDate(date: ClinicDate, letterhead: Pick<Letterhead, 'dateOrder' | 'locale'>): string {
  return formatDateAs(date, { order: dateOrderOf(letterhead), monthNames: true });
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

export const guidanceSignLine = 'Signed: ______________________   Name: ______________________   Date: ____________';

/** The line printed at the foot of every page: who the letter is about, and the page. */
export function footerText(doc: LetterDocument, page: number, pages: number): string {
  return `${doc.patient.name} · born ${letterDate(doc.patient.dateOfBirth, doc.letterhead)} · MRN ${doc.patient.mrn} · Page ${page} of ${pages}`;
}

function guidanceSlip(doc: LetterDocument, section: LetterSection): GuidanceSlip {
  const { content, letterhead, signatory, patient } = doc;
  return {
    kind: 'slip',
    heading: section.heading.trim() || 'Your guidance',
    identity: [
      `Patient: ${patient.name}, born ${letterDate(patient.dateOfBirth, letterhead)}, MRN ${patient.mrn}`,
      `Our reference: ${content.reference}, ${letterDate(content.date, letterhead)}`,
    ],
    paragraphs: paragraphsOf(section.text),
    options: guidanceChoices,
    notesPrompt: 'Restrictions, a target heart-rate range, or other advice:',
    signLine: guidanceSignLine,
    returnTo: [
      [signatory.name, signatory.profession].filter(Boolean).join(', '),
      letterhead.clinicName,
      ...(letterhead.address ? letterhead.address.split('\n') : []),
      letterhead.phone ? `Phone ${letterhead.phone}` : null,
      letterhead.email ? `Email ${letterhead.email}` : null,
    ].filter((l): l is string => !!l && l.trim().length > 0),
  };
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
      letterDate(content.date, letterhead),
      `Our reference: ${content.reference}`,
      `Patient: ${doc.patient.name}, born ${letterDate(doc.patient.dateOfBirth, letterhead)}, MRN ${doc.patient.mrn}`,
    ],
  });
  if (content.salutation.trim()) blocks.push({ kind: 'paragraph', text: content.salutation.trim() });
  if (content.subject.trim()) blocks.push({ kind: 'subject', text: content.subject.trim() });
  let slip: GuidanceSlip | null = null;
  for (const section of content.sections) {
    if (section.insert === 'decision') {
      slip = guidanceSlip(doc, section);
      continue;
    }
    const paragraphs = paragraphsOf(section.text);
    if (paragraphs.length === 0 && section.table === null) continue;
    if (section.heading.trim()) blocks.push({ kind: 'heading', text: section.heading.trim() });
    for (const text of paragraphs) blocks.push({ kind: 'paragraph', text });
    if (section.table && section.table.rows.length > 0) blocks.push({ kind: 'table', table: section.table });
    if (section.insert === 'outcomes' && content.chart && content.chart.points.length > 1) {
      const dateLabels = content.chart.points.map((p) => letterShortDate(p.date, letterhead));
      blocks.push({ kind: 'chart', chart: content.chart, dateLabels });
    }
  }
  if (content.closing.trim()) blocks.push({ kind: 'paragraph', text: content.closing.trim() });
  blocks.push({
    kind: 'signature',
    image: signatory.signature,
    lines: [
      signatory.name,
      signatory.profession,
      signatory.credentials,
      signatory.registrationNumber ? `Registration ${signatory.registrationNumber}` : null,
      letterhead.clinicName,
      [letterhead.phone, letterhead.email].filter(Boolean).join(' · ') || null,
    ].filter((l): l is string => !!l && l.trim().length > 0),
  });
  const cc = doc.recipients.filter((r) => r.role === 'cc');
  if (cc.length > 0) blocks.push({ kind: 'copies', lines: cc.map((r) => r.name) });
  if (slip) blocks.push(slip);
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
      case 'slip':
        out.push(
          b.heading,
          ...b.identity,
          ...b.paragraphs,
          ...b.options,
          b.signLine,
          'Please return to:',
          ...b.returnTo,
        );
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
