import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { whoAndWhen } from './columns';
import { patient } from './foundation';
import { clearance } from './intake';

/**
 * Letters (issue 8). A draft's content and recipients change until it is finalised; then the row
 * holds the whole rendered document and the exact PDF and DOCX bytes, and a trigger (in the
 * migration) refuses any further update. A correction is a new row whose `previous_id` points back.
 */
export const letter = sqliteTable(
  'letter',
  {
    id: text('id').primaryKey(),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    type: text('type').notNull(),
    version: integer('version').notNull().default(1),
    previousId: text('previous_id'),
    correctionReason: text('correction_reason'),
    /** draft | final */
    status: text('status').notNull().default('draft'),
    contentJson: text('content_json').notNull(),
    recipientsJson: text('recipients_json').notNull(),
    chartMeasureKey: text('chart_measure_key'),
    sourceAdverseEventId: text('source_adverse_event_id'),
    /** For a guidance request: the clearance row opened as "requested" when it was finalised. */
    clearanceId: text('clearance_id').references(() => clearance.id),
    draftSavedAt: text('draft_saved_at'),
    /** The whole LetterDocument as rendered, set once at finalising. */
    documentJson: text('document_json'),
    finalisedAt: text('finalised_at'),
    finalisedBy: text('finalised_by'),
    pdfBytes: blob('pdf_bytes', { mode: 'buffer' }),
    pdfSha256: text('pdf_sha256'),
    docxBytes: blob('docx_bytes', { mode: 'buffer' }),
    docxSha256: text('docx_sha256'),
    ...whoAndWhen,
  },
  (t) => [
    index('letter_patient').on(t.patientId, t.createdAt),
    index('letter_created').on(t.createdAt),
    index('letter_previous').on(t.previousId),
  ],
);

/** Each time a finalised letter was sent, how and by whom. */
export const letterSending = sqliteTable(
  'letter_sending',
  {
    id: text('id').primaryKey(),
    letterId: text('letter_id')
      .notNull()
      .references(() => letter.id),
    method: text('method').notNull(),
    sentOn: text('sent_on').notNull(),
    ...whoAndWhen,
  },
  (t) => [index('letter_sending_letter').on(t.letterId)],
);

/** A reply to a guidance request; recording it writes the patient's clearance in the same transaction. */
export const letterReply = sqliteTable(
  'letter_reply',
  {
    id: text('id').primaryKey(),
    letterId: text('letter_id')
      .notNull()
      .references(() => letter.id),
    patientId: text('patient_id')
      .notNull()
      .references(() => patient.id),
    receivedOn: text('received_on').notNull(),
    decision: text('decision').notNull(),
    restrictions: text('restrictions'),
    reviewBy: text('review_by'),
    receivedFromName: text('received_from_name'),
    clearanceId: text('clearance_id').references(() => clearance.id),
    attachmentName: text('attachment_name'),
    attachmentMime: text('attachment_mime'),
    attachmentBytes: blob('attachment_bytes', { mode: 'buffer' }),
    attachmentSha256: text('attachment_sha256'),
    ...whoAndWhen,
  },
  (t) => [index('letter_reply_letter').on(t.letterId), index('letter_reply_patient').on(t.patientId)],
);
