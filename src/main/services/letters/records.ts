import { createHash } from 'node:crypto';
import { asc, count, desc, eq, inArray } from 'drizzle-orm';
import {
  draftContent,
  sendMethodLabels,
  type LetterContent,
  type LetterDocument,
  type LetterRecipient,
  type LetterType,
  type SendMethod,
} from '../../../shared/clinical/letters';
import type { ParsedInputOf } from '../../../shared/contract';
import type {
  LetterExport,
  LetterRegisterPage,
  LetterRegisterRow,
  LetterView,
  RecipientOption,
  ReplyState,
} from '../../../shared/contract/letters';
import { daysBetween, todayLocal, type ClinicDate } from '../../../shared/dates';
import type { ServiceContext } from '../../context';
import { clinician, letter, letterReply, letterSending, patient } from '../../db/schema';
import { ApiError, fieldError, notFound } from '../../errors';
import { render } from '../../workers/render';
import { saveAudited } from '../exports/target';
import { insertAudited, updateAudited } from '../audit';
import { refreshCaseloadSummary } from '../caseloadSummary';
import { saveClearance } from '../intake/sections';
import { adverseEventsForPatient } from '../sessions/adverseEvents';
import { requireClinician } from '../settings';
import { letterheadOf, replyWaitDays, signatoryOf, templateFor } from './settings';
import {
  assertHasAssessments,
  defaultChartKey,
  defaultRecipients,
  chartOptionsOf,
  draftMaterial,
  patientName,
  readSources,
  recipientOptions,
  toRecipient,
} from './sources';

type LetterRow = typeof letter.$inferSelect;
interface RecipientChoice {
  contactId: string | null;
  isPatient: boolean;
  role: 'to' | 'cc';
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function letterRow(ctx: ServiceContext, letterId: string): LetterRow {
  const row = ctx.db.select().from(letter).where(eq(letter.id, letterId)).get();
  if (!row) throw notFound('That letter');
  return row;
}

function nameOf(ctx: ServiceContext, clinicianId: string | null): string {
  if (!clinicianId) return '';
  return ctx.db.select({ n: clinician.fullName }).from(clinician).where(eq(clinician.id, clinicianId)).get()?.n ?? '';
}

/** A letter's file bytes are kept out of its audit entries; the SHA-256 columns stand for them. */
const LETTER_FILES = ['pdfBytes', 'docxBytes'] as const;

function resolveRecipients(options: RecipientOption[], choices: RecipientChoice[]): LetterRecipient[] {
  return choices.flatMap((choice) => {
    const option = options.find((o) =>
      choice.isPatient ? o.isPatient : !o.isPatient && o.contactId === choice.contactId,
    );
    return option ? [toRecipient(option, choice.role)] : [];
  });
}

/** What stops this letter being finalised, in words a specialist can act on. */
function problemsOf(document: LetterDocument): string[] {
  const problems: string[] = [];
  if (!document.recipients.some((r) => r.role === 'to')) problems.push('Choose who the letter is to.');
  for (const r of document.recipients) {
    if (r.addressLines.length === 0) {
      problems.push(
        r.isPatient
          ? `${r.name} (the patient) has no address on record. Add it under the patient’s details, or remove them as a recipient.`
          : `${r.name} has no address in the contacts directory. Add it under Contacts, or remove them as a recipient.`,
      );
    }
  }
  if (!document.signatory.name) problems.push('The signing clinician is not known.');
  const { address, phone, email } = document.letterhead;
  if (document.content.sections.some((s) => s.insert === 'decision') && !address && !phone && !email) {
    problems.push(
      'The reply slip has nowhere to be returned to: add the clinic’s address, phone or email under Settings → Letterhead.',
    );
  }
  return problems;
}

/** A draft's document, assembled now from the current letterhead, signature and recipients. */
function draftDocument(ctx: ServiceContext, row: LetterRow, sources = readSources(ctx, row.patientId)): LetterDocument {
  const options = recipientOptions(ctx, sources.record);
  const signatory = signatoryOf(ctx, row.createdBy);
  const p = sources.record.patient;
  return {
    content: JSON.parse(row.contentJson) as LetterContent,
    letterhead: letterheadOf(ctx),
    signatory: {
      name: signatory.name,
      profession: signatory.profession,
      credentials: signatory.credentials,
      registrationNumber: signatory.registrationNumber,
      signature: signatory.signature,
    },
    recipients: resolveRecipients(options, JSON.parse(row.recipientsJson) as RecipientChoice[]),
    patient: { name: patientName(sources.record), dateOfBirth: p.dateOfBirth, mrn: p.mrn },
  };
}

function replyStateOf(
  ctx: ServiceContext,
  row: Pick<LetterRow, 'type' | 'status' | 'finalisedAt'>,
  corrected: boolean,
  firstSentOn: ClinicDate | null,
  hasReply: boolean,
): ReplyState | null {
  if (row.type !== 'guidance_request' || row.status !== 'final' || corrected) return null;
  if (hasReply) return 'received';
  const since = firstSentOn ?? row.finalisedAt?.slice(0, 10) ?? null;
  if (!since) return 'awaiting';
  return daysBetween(since, todayLocal(ctx.now())) > replyWaitDays(ctx) ? 'overdue' : 'awaiting';
}

export function getLetter(ctx: ServiceContext, letterId: string): LetterView {
  const row = letterRow(ctx, letterId);
  const sources = row.status === 'draft' ? readSources(ctx, row.patientId) : null;
  const document = sources ? draftDocument(ctx, row, sources) : (JSON.parse(row.documentJson!) as LetterDocument);
  const sendings = ctx.db
    .select()
    .from(letterSending)
    .where(eq(letterSending.letterId, row.id))
    .orderBy(asc(letterSending.sentOn), asc(letterSending.createdAt))
    .all();
  const replies = ctx.db
    .select()
    .from(letterReply)
    .where(eq(letterReply.letterId, row.id))
    .orderBy(asc(letterReply.createdAt))
    .all();
  const correctedBy = ctx.db.select({ id: letter.id }).from(letter).where(eq(letter.previousId, row.id)).get();
  const recipients = document.recipients.map((r) => r.name).join('; ');
  const chartOptions = sources ? chartOptionsOf(sources.progress) : [];
  return {
    id: row.id,
    patientId: row.patientId,
    patientName: document.patient.name,
    type: row.type as LetterType,
    version: row.version,
    previousId: row.previousId,
    correctedById: correctedBy?.id ?? null,
    status: row.status as LetterView['status'],
    document,
    chartMeasureKey: row.chartMeasureKey,
    chartOptions,
    createdAt: row.createdAt,
    createdByName: nameOf(ctx, row.createdBy),
    draftSavedAt: row.draftSavedAt,
    finalisedAt: row.finalisedAt,
    finalisedByName: row.finalisedBy ? nameOf(ctx, row.finalisedBy) : null,
    pdfSha256: row.pdfSha256,
    docxSha256: row.docxSha256,
    sendings: sendings.map((s) => ({
      id: s.id,
      method: s.method as SendMethod,
      sentOn: s.sentOn,
      recipients,
      byName: nameOf(ctx, s.createdBy),
    })),
    replyState: replyStateOf(ctx, row, !!correctedBy, sendings[0]?.sentOn ?? null, replies.length > 0),
    replies: replies.map((r) => ({
      id: r.id,
      receivedOn: r.receivedOn,
      decision: r.decision as LetterView['replies'][number]['decision'],
      restrictions: r.restrictions,
      receivedFromName: r.receivedFromName,
      attachmentName: r.attachmentName,
      recordedByName: nameOf(ctx, r.createdBy),
      recordedAt: r.createdAt,
    })),
    problems: row.status === 'draft' ? problemsOf(document) : [],
  };
}

export function createLetter(ctx: ServiceContext, input: ParsedInputOf<'letters.create'>): LetterView {
  const actor = requireClinician(ctx);
  const today = todayLocal(ctx.now());
  const date = input.date ?? today;
  const sources = readSources(ctx, input.patientId);
  assertHasAssessments(sources, input.type);
  let adverseEvent = null;
  if (input.adverseEventId) {
    adverseEvent = adverseEventsForPatient(ctx, input.patientId).find((e) => e.id === input.adverseEventId) ?? null;
    if (!adverseEvent) throw fieldError('adverseEventId', 'That adverse event is not in this patient’s record');
  } else if (input.sessionId && input.type === 'urgent_concern') {
    adverseEvent =
      adverseEventsForPatient(ctx, input.patientId).find((e) => e.sessionId === input.sessionId && e.redFlag) ??
      adverseEventsForPatient(ctx, input.patientId).find((e) => e.sessionId === input.sessionId) ??
      null;
  }
  const options = recipientOptions(ctx, sources.record);
  const recipients = defaultRecipients(options);
  const material = draftMaterial(ctx, sources, { type: input.type, date, recipients, event: { adverseEvent } });
  const chartKey =
    input.type === 'reassessment' || input.type === 'discharge' ? defaultChartKey(material.chartOptions) : null;
  const content = draftContent({
    type: input.type,
    date,
    reference: `${sources.record.patient.mrn}-${date.replace(/-/g, '')}-${input.type === 'guidance_request' ? 'GR' : input.type.slice(0, 2).toUpperCase()}`,
    template: templateFor(ctx, input.type).template,
    view: material.view,
    tables: material.tables,
    chart: material.chart(chartKey),
  });
  const at = ctx.now().toISOString();
  const row = {
    id: ctx.newId(),
    patientId: input.patientId,
    type: input.type,
    version: 1,
    previousId: null,
    correctionReason: null,
    status: 'draft',
    contentJson: JSON.stringify(content),
    recipientsJson: JSON.stringify(
      recipients.map((r): RecipientChoice => ({ contactId: r.contactId, isPatient: r.isPatient, role: r.role })),
    ),
    chartMeasureKey: chartKey,
    sourceAdverseEventId: adverseEvent?.id ?? null,
    draftSavedAt: at,
  };
  ctx.sqlite.transaction(() =>
    insertAudited(ctx, letter, row, { actorId: actor, patientId: input.patientId, entity: 'letter' }),
  )();
  return getLetter(ctx, row.id);
}

function assertDraft(row: LetterRow): void {
  if (row.status !== 'draft') {
    throw new ApiError(
      'locked',
      'This letter is finalised and cannot be changed. Write a correction to send a new version.',
    );
  }
}

/**
 * Autosave of the composer. Only the editable parts change; structured tables stay as drafted from
 * the record. Saving the same text again writes nothing.
 */
export function saveLetterDraft(ctx: ServiceContext, input: ParsedInputOf<'letters.saveDraft'>): LetterView {
  const actor = requireClinician(ctx);
  const row = letterRow(ctx, input.letterId);
  assertDraft(row);
  const before = JSON.parse(row.contentJson) as LetterContent;
  const sections = before.sections.map((section) => {
    const edited = input.sections.find((s) => s.key === section.key);
    return edited ? { ...section, heading: edited.heading, text: edited.text } : section;
  });
  const unknown = input.sections.find((s) => !before.sections.some((b) => b.key === s.key));
  if (unknown) throw fieldError('sections', `This letter has no section “${unknown.key}”`);
  let chart = before.chart;
  if (input.chartMeasureKey !== undefined && input.chartMeasureKey !== row.chartMeasureKey) {
    const material = draftMaterial(ctx, readSources(ctx, row.patientId), {
      type: row.type as LetterType,
      date: before.date,
      recipients: [],
      event: { adverseEvent: null },
    });
    if (input.chartMeasureKey && !material.chartOptions.some((o) => o.key === input.chartMeasureKey)) {
      throw fieldError('chartMeasureKey', 'That measure has no results to chart for this patient');
    }
    chart = material.chart(input.chartMeasureKey ?? null);
  }
  const content: LetterContent = {
    ...before,
    subject: input.subject,
    salutation: input.salutation,
    closing: input.closing,
    sections,
    chart,
  };
  const recipients: RecipientChoice[] = input.recipients.map((r) => ({
    contactId: r.isPatient ? null : r.contactId,
    isPatient: r.isPatient,
    role: r.role,
  }));
  const options = recipientOptions(ctx, readSources(ctx, row.patientId).record);
  for (const [i, r] of recipients.entries()) {
    if (!r.isPatient && !options.some((o) => !o.isPatient && o.contactId === r.contactId)) {
      throw fieldError(`recipients.${i}.contactId`, 'That recipient is not in this patient’s care team');
    }
  }
  const contentJson = JSON.stringify(content);
  const recipientsJson = JSON.stringify(recipients);
  const chartMeasureKey = input.chartMeasureKey === undefined ? row.chartMeasureKey : (input.chartMeasureKey ?? null);
  if (
    contentJson === row.contentJson &&
    recipientsJson === row.recipientsJson &&
    chartMeasureKey === row.chartMeasureKey
  ) {
    return getLetter(ctx, row.id);
  }
  const changes = { contentJson, recipientsJson, chartMeasureKey, draftSavedAt: ctx.now().toISOString() };
  ctx.sqlite.transaction(() =>
    updateAudited(ctx, letter, row, changes, {
      actorId: actor,
      patientId: row.patientId,
      entity: 'letter',
      unaudited: LETTER_FILES,
    }),
  )();
  return getLetter(ctx, row.id);
}

function fileNameFor(document: LetterDocument, format: 'pdf' | 'docx', status: string): string {
  const who = document.patient.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  const type = document.content.type.replace(/_/g, '-');
  return `${type}-${who}-${document.content.date}${status === 'draft' ? '-DRAFT' : ''}.${format}`;
}

/**
 * Exports a letter. A finalised letter gives back exactly the bytes stored when it was finalised;
 * a draft is rendered now and marked DRAFT on every page.
 */
export async function exportLetter(ctx: ServiceContext, input: ParsedInputOf<'letters.export'>): Promise<LetterExport> {
  const actor = requireClinician(ctx);
  const row = letterRow(ctx, input.letterId);
  let bytes: Uint8Array;
  let document: LetterDocument;
  if (row.status === 'final') {
    document = JSON.parse(row.documentJson!) as LetterDocument;
    bytes = new Uint8Array((input.format === 'pdf' ? row.pdfBytes : row.docxBytes)!);
  } else {
    document = draftDocument(ctx, row);
    bytes = await renderLetter(document, input.format, ctx.now(), true);
  }
  const fileName = fileNameFor(document, input.format, row.status);
  const saved = await saveAudited(ctx, { suggestedName: fileName, kind: input.format }, bytes, {
    actorId: actor,
    patientId: row.patientId,
    entityId: row.id,
    kind: `letter_${input.format}`,
    detail: { letterType: row.type, version: row.version, status: row.status },
  });
  return { fileName, path: saved?.path ?? null, sha256: sha256(bytes), bytes: bytes.length };
}

export function renderLetter(
  document: LetterDocument,
  format: 'pdf' | 'docx',
  at: Date,
  draft: boolean,
): Promise<Uint8Array> {
  return format === 'pdf'
    ? render({ kind: 'letter-pdf', document, createdAt: at.toISOString(), draft })
    : render({ kind: 'letter-docx', document, draft });
}

/**
 * Freezes the letter: its whole document, the PDF and DOCX exactly as rendered and their SHA-256.
 * Rendering happens first, in the worker; the write then checks that nobody changed the draft
 * meanwhile, so what is stored is exactly what was rendered.
 */
export async function finaliseLetter(ctx: ServiceContext, letterId: string): Promise<LetterView> {
  const actor = requireClinician(ctx);
  const row = letterRow(ctx, letterId);
  assertDraft(row);
  const document = draftDocument(ctx, row);
  const problems = problemsOf(document);
  if (problems.length > 0) {
    throw new ApiError('validation', `This letter cannot be finalised yet: ${problems.join(' ')}`, {
      recipients: problems.join(' '),
    });
  }
  const now = ctx.now();
  const [pdf, docx] = await Promise.all([
    renderLetter(document, 'pdf', now, false),
    renderLetter(document, 'docx', now, false),
  ]);
  const at = now.toISOString();
  ctx.sqlite.transaction(() => {
    const current = letterRow(ctx, letterId);
    if (current.status !== 'draft' || current.updatedAt !== row.updatedAt) {
      throw new ApiError('conflict', 'The letter changed while it was being finalised. Check it and finalise again.');
    }
    let clearanceId: string | null = null;
    if (row.type === 'guidance_request') clearanceId = openRequestedClearance(ctx, row.patientId, document);
    const changes = {
      status: 'final',
      documentJson: JSON.stringify(document),
      finalisedAt: at,
      finalisedBy: actor,
      pdfBytes: Buffer.from(pdf),
      pdfSha256: sha256(pdf),
      docxBytes: Buffer.from(docx),
      docxSha256: sha256(docx),
      clearanceId,
    };
    updateAudited(ctx, letter, current, changes, {
      actorId: actor,
      patientId: row.patientId,
      entity: 'letter',
      action: 'finalise',
      unaudited: LETTER_FILES,
    });
    refreshCaseloadSummary(ctx, row.patientId);
  })();
  return getLetter(ctx, letterId);
}

/** A finalised guidance request is a clearance requested: the intake record shows it as such. */
function openRequestedClearance(ctx: ServiceContext, patientId: string, document: LetterDocument): string {
  const to = document.recipients.find((r) => r.role === 'to');
  return saveClearance(ctx, {
    patientId,
    id: null,
    requestedOn: document.content.date > todayLocal(ctx.now()) ? todayLocal(ctx.now()) : document.content.date,
    requestedFromContactId: to?.contactId ?? null,
    requestedFromName: to && !to.contactId ? to.name : null,
    receivedOn: null,
    receivedFromContactId: null,
    receivedFromName: null,
    decision: null,
    restrictions: null,
    reviewBy: null,
    rpeCeiling: null,
    hrCeiling: null,
    avoidTags: [],
    noGroupSessions: false,
    notes: `Requested by letter ${document.content.reference}`,
  });
}

/** A correction: a new draft with the old one's content, pointing back to it. The old one stays as it was. */
export function correctLetter(ctx: ServiceContext, input: ParsedInputOf<'letters.correct'>): LetterView {
  const actor = requireClinician(ctx);
  const row = letterRow(ctx, input.letterId);
  if (row.status !== 'final') throw new ApiError('conflict', 'This letter is still a draft: edit it directly.');
  const newer = ctx.db.select({ id: letter.id }).from(letter).where(eq(letter.previousId, row.id)).get();
  if (newer) throw new ApiError('conflict', 'This letter has already been corrected; open the newer version.');
  const document = JSON.parse(row.documentJson!) as LetterDocument;
  const at = ctx.now().toISOString();
  const next = {
    id: ctx.newId(),
    patientId: row.patientId,
    type: row.type,
    version: row.version + 1,
    previousId: row.id,
    correctionReason: input.reason,
    status: 'draft',
    contentJson: JSON.stringify({ ...document.content, date: todayLocal(ctx.now()) }),
    recipientsJson: row.recipientsJson,
    chartMeasureKey: row.chartMeasureKey,
    sourceAdverseEventId: row.sourceAdverseEventId,
    draftSavedAt: at,
  };
  ctx.sqlite.transaction(() => {
    insertAudited(ctx, letter, next, {
      actorId: actor,
      patientId: row.patientId,
      entity: 'letter',
      action: 'amend',
      reason: input.reason,
    });
    refreshCaseloadSummary(ctx, row.patientId);
  })();
  return getLetter(ctx, next.id);
}

export function recordSent(ctx: ServiceContext, input: ParsedInputOf<'letters.recordSent'>): LetterView {
  const actor = requireClinician(ctx);
  const row = letterRow(ctx, input.letterId);
  if (row.status !== 'final') {
    throw new ApiError('conflict', 'Finalise the letter before recording that it was sent.', {
      method: 'Finalise the letter first',
    });
  }
  if (input.sentOn < row.finalisedAt!.slice(0, 10)) {
    throw fieldError('sentOn', 'The date sent cannot be before the letter was finalised');
  }
  const sending = { id: ctx.newId(), letterId: row.id, method: input.method, sentOn: input.sentOn };
  ctx.sqlite.transaction(() => {
    insertAudited(ctx, letterSending, sending, { actorId: actor, patientId: row.patientId, entity: 'letter_sending' });
    refreshCaseloadSummary(ctx, row.patientId);
  })();
  return getLetter(ctx, row.id);
}

/**
 * The doctor's reply to a guidance request. The clearance opened when the request was finalised
 * is completed with the decision, in the same transaction as the reply and their audit entries.
 */
export function recordReply(ctx: ServiceContext, input: ParsedInputOf<'letters.recordReply'>): LetterView {
  const actor = requireClinician(ctx);
  const row = letterRow(ctx, input.letterId);
  if (row.type !== 'guidance_request') {
    throw new ApiError('conflict', 'Replies are recorded against a request for medical guidance.');
  }
  if (row.status !== 'final') throw new ApiError('conflict', 'Finalise and send the request before recording a reply.');
  const requestedOn = (JSON.parse(row.documentJson!) as LetterDocument).content.date;
  if (input.receivedOn < requestedOn) {
    throw fieldError('receivedOn', 'The reply cannot be dated before the request');
  }
  const existing = ctx.db
    .select({ id: letterReply.id })
    .from(letterReply)
    .where(eq(letterReply.letterId, row.id))
    .get();
  if (existing) throw new ApiError('conflict', 'A reply is already recorded for this request.');
  const attachment = input.attachment ? Buffer.from(input.attachment.base64, 'base64') : null;
  if (attachment && attachment.length === 0) throw fieldError('attachment', 'The scanned reply is empty');
  if (attachment && attachment.length > 10 * 1024 * 1024) {
    throw fieldError('attachment', 'The scanned reply is larger than 10 MB');
  }
  const document = JSON.parse(row.documentJson!) as LetterDocument;
  const to = document.recipients.find((r) => r.role === 'to');
  const reply = {
    id: ctx.newId(),
    letterId: row.id,
    patientId: row.patientId,
    receivedOn: input.receivedOn,
    decision: input.decision,
    restrictions: input.restrictions,
    reviewBy: input.reviewBy,
    receivedFromName: input.receivedFromName ?? to?.name ?? null,
    clearanceId: row.clearanceId,
    attachmentName: input.attachment?.fileName ?? null,
    attachmentMime: input.attachment?.mimeType ?? null,
    attachmentBytes: attachment,
    attachmentSha256: attachment ? sha256(attachment) : null,
  };
  ctx.sqlite.transaction(() => {
    saveClearance(ctx, {
      patientId: row.patientId,
      id: row.clearanceId,
      requestedOn: requestedOn > input.receivedOn ? input.receivedOn : requestedOn,
      requestedFromContactId: to?.contactId ?? null,
      requestedFromName: to && !to.contactId ? to.name : null,
      receivedOn: input.receivedOn,
      receivedFromContactId: input.receivedFromName ? null : (to?.contactId ?? null),
      receivedFromName: input.receivedFromName ?? (to?.contactId ? null : (to?.name ?? 'Not recorded')),
      decision: input.decision,
      restrictions: input.restrictions,
      reviewBy: input.reviewBy,
      // The doctor's words are kept as written; structured limits are added on the clearance if wanted.
      rpeCeiling: null,
      hrCeiling: null,
      avoidTags: [],
      noGroupSessions: false,
      notes: `Reply to letter ${document.content.reference}${reply.attachmentName ? `; scanned reply ${reply.attachmentName}` : ''}`,
    });
    insertAudited(ctx, letterReply, reply, {
      actorId: actor,
      patientId: row.patientId,
      entity: 'letter_reply',
      unaudited: ['attachmentBytes'],
    });
    refreshCaseloadSummary(ctx, row.patientId);
  })();
  return getLetter(ctx, row.id);
}

/** Saves the scanned reply kept with a guidance request where the specialist chooses. */
export async function saveReplyAttachment(ctx: ServiceContext, replyId: string): Promise<LetterExport> {
  const actor = requireClinician(ctx);
  const reply = ctx.db.select().from(letterReply).where(eq(letterReply.id, replyId)).get();
  if (!reply) throw notFound('That reply');
  if (!reply.attachmentBytes || !reply.attachmentName) {
    throw new ApiError('not_found', 'No scanned reply was attached to this reply.');
  }
  const bytes = new Uint8Array(reply.attachmentBytes);
  const saved = await saveAudited(ctx, { suggestedName: reply.attachmentName, kind: 'scan' }, bytes, {
    actorId: actor,
    patientId: reply.patientId,
    entityId: reply.id,
    kind: 'reply_attachment',
    detail: { letterId: reply.letterId },
  });
  return { fileName: reply.attachmentName, path: saved?.path ?? null, sha256: sha256(bytes), bytes: bytes.length };
}

/** The register: every letter, newest first, for one patient or the whole clinic. Paged. */
export function letterRegister(ctx: ServiceContext, input: ParsedInputOf<'letters.register'>): LetterRegisterPage {
  requireClinician(ctx);
  const where = input.patientId ? eq(letter.patientId, input.patientId) : undefined;
  const rows = ctx.db
    .select({
      id: letter.id,
      patientId: letter.patientId,
      givenName: patient.givenName,
      familyName: patient.familyName,
      preferredName: patient.preferredName,
      type: letter.type,
      version: letter.version,
      status: letter.status,
      contentJson: letter.contentJson,
      documentJson: letter.documentJson,
      recipientsJson: letter.recipientsJson,
      createdBy: letter.createdBy,
      finalisedBy: letter.finalisedBy,
      finalisedAt: letter.finalisedAt,
      createdAt: letter.createdAt,
    })
    .from(letter)
    .innerJoin(patient, eq(patient.id, letter.patientId))
    .where(where)
    .orderBy(desc(letter.createdAt), desc(letter.id))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const total = ctx.db.select({ n: count() }).from(letter).where(where).get()?.n ?? 0;
  const ids = rows.map((r) => r.id);
  const sendings = ids.length
    ? ctx.db
        .select()
        .from(letterSending)
        .where(inArray(letterSending.letterId, ids))
        .orderBy(asc(letterSending.sentOn))
        .all()
    : [];
  const replied = new Set(
    ids.length
      ? ctx.db
          .select({ id: letterReply.letterId })
          .from(letterReply)
          .where(inArray(letterReply.letterId, ids))
          .all()
          .map((r) => r.id)
      : [],
  );
  const corrected = new Set(
    ids.length
      ? ctx.db
          .select({ id: letter.previousId })
          .from(letter)
          .where(inArray(letter.previousId, ids))
          .all()
          .map((r) => r.id)
      : [],
  );
  const names = new Map(
    ctx.db
      .select({ id: clinician.id, n: clinician.fullName })
      .from(clinician)
      .all()
      .map((c) => [c.id, c.n]),
  );
  return {
    rows: rows.map((r): LetterRegisterRow => {
      const content = JSON.parse(r.contentJson) as LetterContent;
      const recipients = r.documentJson
        ? (JSON.parse(r.documentJson) as LetterDocument).recipients
            .map((x) => `${x.role === 'cc' ? 'cc ' : ''}${x.name}`)
            .join('; ')
        : `${(JSON.parse(r.recipientsJson) as RecipientChoice[]).length} chosen (draft)`;
      const mine = sendings.filter((s) => s.letterId === r.id);
      const last = mine[mine.length - 1];
      return {
        id: r.id,
        patientId: r.patientId,
        patientName: `${r.preferredName ?? r.givenName} ${r.familyName}`,
        type: r.type as LetterType,
        version: r.version,
        status: r.status as LetterRegisterRow['status'],
        date: content.date,
        recipients,
        createdByName: names.get(r.createdBy) ?? '',
        finalisedByName: r.finalisedBy ? (names.get(r.finalisedBy) ?? null) : null,
        sentVia: mine.length ? mine.map((s) => sendMethodLabels[s.method as SendMethod]).join(', ') : null,
        sentOn: last?.sentOn ?? null,
        sentByName: last ? (names.get(last.createdBy) ?? null) : null,
        replyState: replyStateOf(ctx, r, corrected.has(r.id), mine[0]?.sentOn ?? null, replied.has(r.id)),
        corrected: corrected.has(r.id),
      };
    }),
    total,
    offset: input.offset,
    limit: input.limit,
  };
}
