import { z } from 'zod';
import {
  letterTypes,
  paperSizes,
  sendMethods,
  type LetterContent,
  type LetterDocument,
  type LetterType,
  type SendMethod,
} from '../clinical/letters/model';
import { templateProblem, templateTexts, type LetterTemplate } from '../clinical/letters/templates';
import { clearanceDecisions } from '../domain/vocabulary';
import type { ClinicDate, DateOrder } from '../dates';
import { channel } from './define';
import {
  choice,
  clinicDate,
  email,
  id,
  integerIn,
  optionalClinicDate,
  optionalText,
  pastOrTodayDate,
  requiredText,
} from './fields';

/* ------------------------------------------------------------------ outputs */

export type LetterStatus = 'draft' | 'final';
export type ReplyState = 'awaiting' | 'overdue' | 'received';

export interface LetterReplyView {
  id: string;
  receivedOn: ClinicDate;
  decision: (typeof clearanceDecisions.values)[number];
  restrictions: string | null;
  receivedFromName: string | null;
  attachmentName: string | null;
  recordedByName: string;
  recordedAt: string;
}

export interface LetterSendingView {
  id: string;
  method: SendMethod;
  sentOn: ClinicDate;
  recipients: string;
  byName: string;
}

export interface LetterView {
  id: string;
  patientId: string;
  patientName: string;
  type: LetterType;
  version: number;
  previousId: string | null;
  /** The newer version that corrects this one, when there is one. */
  correctedById: string | null;
  status: LetterStatus;
  document: LetterDocument;
  chartMeasureKey: string | null;
  chartOptions: Array<{ key: string; name: string }>;
  createdAt: string;
  createdByName: string;
  draftSavedAt: string | null;
  finalisedAt: string | null;
  finalisedByName: string | null;
  pdfSha256: string | null;
  docxSha256: string | null;
  sendings: LetterSendingView[];
  replyState: ReplyState | null;
  replies: LetterReplyView[];
  /** What stops finalising now, in words (a recipient without an address…). */
  problems: string[];
}

export interface RecipientOption {
  key: string;
  contactId: string | null;
  isPatient: boolean;
  name: string;
  roleLabel: string;
  addressLines: string[];
  isMainOncologist: boolean;
  isGp: boolean;
}

export interface LetterRegisterRow {
  id: string;
  patientId: string;
  patientName: string;
  type: LetterType;
  version: number;
  status: LetterStatus;
  date: ClinicDate;
  recipients: string;
  createdByName: string;
  finalisedByName: string | null;
  sentVia: string | null;
  sentOn: ClinicDate | null;
  sentByName: string | null;
  replyState: ReplyState | null;
  corrected: boolean;
}

export interface LetterRegisterPage {
  rows: LetterRegisterRow[];
  total: number;
  offset: number;
  limit: number;
}

export interface TemplateView {
  type: LetterType;
  template: LetterTemplate;
  isBuiltIn: boolean;
}

export interface LetterSettingsView {
  letterhead: {
    clinicName: string;
    address: string | null;
    phone: string | null;
    email: string | null;
    logo: string | null;
    paper: (typeof paperSizes)[number];
    /** How letters order dates: the clinic's date format (Settings → Dates), shown here, set there. */
    dateOrder: DateOrder;
  };
  signatory: {
    clinicianId: string;
    name: string;
    profession: string | null;
    credentials: string | null;
    registrationNumber: string | null;
    signature: string | null;
  };
  replyWaitDays: number;
  templates: TemplateView[];
  mergeFields: Record<string, string>;
}

export interface LetterExport {
  fileName: string;
  /** Where it was saved, or null when the specialist cancelled the save dialog. */
  path: string | null;
  sha256: string;
  bytes: number;
}

/* ------------------------------------------------------------------ inputs */

const optionalId = (label: string) =>
  id(label)
    .nullish()
    .transform((v) => v ?? null);

const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** A PNG or JPEG as a data: URL, checked by its magic bytes, at most 2 MB. */
export const imageDataUrl = (label: string) =>
  z
    .string({ error: `${label} must be an image` })
    .nullish()
    .transform((v) => v ?? null)
    .superRefine((v, ctx) => {
      if (v === null) return;
      const match = /^data:(image\/png|image\/jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(v);
      if (!match) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a PNG or JPEG image` });
        return;
      }
      const base64 = match[2]!;
      const size = Math.floor((base64.length * 3) / 4);
      if (size > MAX_IMAGE_BYTES) {
        ctx.addIssue({ code: 'custom', message: `${label} is larger than 2 MB; use a smaller image` });
        return;
      }
      const head = atob(base64.slice(0, 16));
      const png = head.charCodeAt(0) === 0x89 && head.slice(1, 4) === 'PNG';
      const jpeg = head.charCodeAt(0) === 0xff && head.charCodeAt(1) === 0xd8;
      if (!png && !jpeg) ctx.addIssue({ code: 'custom', message: `${label} is not a PNG or JPEG image` });
    });

export const letterheadInput = z.object({
  address: optionalText('clinic address', 400),
  phone: optionalText('clinic phone', 40),
  email: email('clinic email'),
  logo: imageDataUrl('Logo'),
  paper: choice('paper size', paperSizes),
});

export const signatoryInput = z.object({
  credentials: optionalText('credentials', 200),
  registrationNumber: optionalText('registration number', 40),
  signature: imageDataUrl('Signature image'),
});

const sectionTemplate = z.object({
  key: requiredText('section key', 40),
  heading: z.string().max(200, 'Headings must be 200 characters or fewer'),
  text: z.string().max(8000, 'A section’s text must be 8,000 characters or fewer'),
  insert: z.enum(['outcomes', 'lesions', 'decision']).nullable(),
});

export const letterTemplateInput = z
  .object({
    subject: z.string().max(400, 'Subject must be 400 characters or fewer'),
    salutation: z.string().max(400, 'Greeting must be 400 characters or fewer'),
    sections: z.array(sectionTemplate).min(1, 'A template needs at least one section').max(30),
    closing: z.string().max(400, 'Closing must be 400 characters or fewer'),
  })
  .superRefine((template, ctx) => {
    for (const { path, label, text } of templateTexts(template)) {
      const problem = templateProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', path: path.split('.'), message: `${label}: ${problem}` });
    }
  });

const recipientInput = z.object({
  contactId: optionalId('Recipient'),
  isPatient: z.boolean().default(false),
  role: z.enum(['to', 'cc'], { error: 'Choose To or Copy for each recipient' }),
});

const sectionContent = z.object({
  key: requiredText('section key', 40),
  heading: z.string().max(200, 'Headings must be 200 characters or fewer'),
  text: z.string().max(20000, 'A section must be 20,000 characters or fewer'),
});

const letterRef = z.object({ letterId: id('Letter') });

export const letterDraftInput = z.object({
  letterId: id('Letter'),
  subject: z.string().max(400, 'Subject must be 400 characters or fewer'),
  salutation: z.string().max(400, 'Greeting must be 400 characters or fewer'),
  closing: z.string().max(400, 'Closing must be 400 characters or fewer'),
  sections: z.array(sectionContent).max(30),
  recipients: z.array(recipientInput).max(20, 'A letter can go to at most 20 recipients'),
  chartMeasureKey: z.string().max(80).nullish(),
});

/** A scanned reply, carried as base64; at most 10 MB. */
const attachmentInput = z
  .object({
    fileName: requiredText('attachment file name', 200),
    mimeType: z.enum(['application/pdf', 'image/png', 'image/jpeg'], {
      error: 'The scanned reply must be a PDF, PNG or JPEG file',
    }),
    base64: z
      .string()
      .max(14_000_000, 'The scanned reply is larger than 10 MB')
      .regex(/^[A-Za-z0-9+/=]*$/, 'The scanned reply could not be read'),
  })
  .nullish()
  .transform((v) => v ?? null);

export const letterReplyInput = z
  .object({
    letterId: id('Letter'),
    receivedOn: pastOrTodayDate('date the reply was received'),
    decision: choice('decision in the reply', clearanceDecisions.values),
    restrictions: optionalText('restrictions', 2000),
    reviewBy: optionalClinicDate('review or expiry date'),
    receivedFromName: optionalText('who replied', 120),
    attachment: attachmentInput,
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'with_restrictions' && !v.restrictions) {
      ctx.addIssue({ code: 'custom', path: ['restrictions'], message: 'Enter the restrictions the doctor gave' });
    }
    if (v.restrictions && v.decision !== 'with_restrictions') {
      ctx.addIssue({
        code: 'custom',
        path: ['restrictions'],
        message: 'Restrictions apply only to "Cleared with restrictions"',
      });
    }
  });

export const letterChannels = {
  'letters.settings': channel(z.object({})).returns<LetterSettingsView>(),
  'letters.saveLetterhead': channel(letterheadInput).returns<LetterSettingsView>(),
  'letters.saveSignatory': channel(signatoryInput).returns<LetterSettingsView>(),
  'letters.saveTemplate': channel(
    z.object({ type: choice('letter type', letterTypes), template: letterTemplateInput }),
  ).returns<LetterSettingsView>(),
  'letters.resetTemplate': channel(
    z.object({ type: choice('letter type', letterTypes) }),
  ).returns<LetterSettingsView>(),
  'letters.setReplyWaitDays': channel(
    z.object({ days: integerIn('days to wait for a reply', 1, 90) }),
  ).returns<LetterSettingsView>(),
  'letters.recipientOptions': channel(z.object({ patientId: id('Patient') })).returns<RecipientOption[]>(),
  'letters.create': channel(
    z.object({
      patientId: id('Patient'),
      type: choice('letter type', letterTypes),
      date: clinicDate('letter date').optional(),
      adverseEventId: optionalId('Adverse event'),
      sessionId: optionalId('Session'),
    }),
  ).returns<LetterView>(),
  'letters.get': channel(letterRef).returns<LetterView>(),
  'letters.saveDraft': channel(letterDraftInput).returns<LetterView>(),
  'letters.export': channel(
    letterRef.extend({ format: choice('file format', ['pdf', 'docx'] as const) }),
  ).returns<LetterExport>(),
  'letters.finalise': channel(letterRef).returns<LetterView>(),
  'letters.correct': channel(
    letterRef.extend({ reason: requiredText('reason for the correction', 500) }),
  ).returns<LetterView>(),
  'letters.recordSent': channel(
    letterRef.extend({
      method: choice('how it was sent', sendMethods),
      sentOn: pastOrTodayDate('date sent'),
    }),
  ).returns<LetterView>(),
  'letters.recordReply': channel(letterReplyInput).returns<LetterView>(),
  'letters.saveReplyAttachment': channel(z.object({ replyId: id('Reply') })).returns<LetterExport>(),
  'letters.register': channel(
    z.object({
      patientId: optionalId('Patient'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
  ).returns<LetterRegisterPage>(),
};

export type { LetterContent };
