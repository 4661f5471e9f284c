import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  builtInTemplates,
  judgedAgainst,
  letterBlocks,
  letterPlainText,
  type LetterTemplate,
} from '../../../shared/clinical/letters';
import { formatNumber, formatSigned, verdictLabels } from '../../../shared/clinical/measures';
import type { ApiErrorBody, ChannelName, InputOf, OutputOf } from '../../../shared/contract';
import { seedLetterCase, type LetterCase } from '../../testCases';
import { openTestCaseload } from '../../testing';
import { folderExportTarget } from '../exports/target';
import { render, stopRenderer } from '../../workers/render';
import { progressComparison } from '../assessments/progress';
import { verifyAuditChain } from '../audit';

// Real rendering in a real worker thread: its first start loads pdfmake and docx, which takes
// seconds on a loaded two-core machine.
vi.setConfig({ testTimeout: 30_000 });

let t: ReturnType<typeof openTestCaseload>;
let c: LetterCase;
let clock = new Date('2026-05-01T09:00:00Z');

async function call<K extends ChannelName>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await t.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${JSON.stringify(result.error.fields)}`);
  return result.value as OutputOf<K>;
}

async function refusal(channel: ChannelName, input: unknown): Promise<ApiErrorBody> {
  const result = await t.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeEach(async () => {
  clock = new Date('2026-05-01T09:00:00Z');
  t = openTestCaseload({ now: () => clock });
  t.ctx.exportTarget = folderExportTarget(join(t.dir, 'exported'));
  c = await seedLetterCase(call, {
    mrn: 'RCH-L1',
    givenName: 'Thị Hoa',
    familyName: 'Nguyễn',
    preferredName: 'Hoa',
    baselineOn: '2026-02-02',
    reassessedOn: '2026-04-27',
    lesions: true,
  });
});
afterEach(() => t.close());
afterAll(() => stopRenderer());

describe('drafting a reassessment letter from the record', () => {
  it('fills every section and quotes the Progress comparison row for row', async () => {
    const letter = await call('letters.create', { patientId: c.patientId, type: 'reassessment', date: '2026-04-28' });
    expect(letter.status).toBe('draft');
    const keys = letter.document.content.sections.map((s) => s.key);
    expect(keys).toEqual([
      'introduction',
      'attendance',
      'programme',
      'safety',
      'outcomes',
      'symptoms',
      'goals',
      'questions',
      'plan',
    ]);
    const text = (key: string) => letter.document.content.sections.find((s) => s.key === key)!.text;
    expect(text('introduction')).toContain('Thank you for referring Hoa');
    expect(text('introduction')).toContain('deconditioning during treatment');
    expect(text('programme')).toMatch(/Proximal femur lesion/);
    expect(text('safety')).toMatch(/no adverse events/);
    expect(text('plan')).toMatch(/Next review: /);
    // To the main oncologist, a copy to the GP, each with the directory's address block.
    expect(letter.document.recipients).toEqual([
      expect.objectContaining({
        role: 'to',
        name: 'Dr Ana Lima',
        addressLines: ['Riverside Cancer Centre', '12 Hospital Road', 'Riverside NSW 2000'],
      }),
      expect.objectContaining({ role: 'cc', name: 'Dr Tomás Ngata' }),
    ]);
    expect(letter.document.content.salutation).toBe('Dear Dr Lima,');

    const table = letter.document.content.sections.find((s) => s.key === 'outcomes')!.table!;
    const comparison = progressComparison(t.ctx, c.patientId).rows;
    expect(table.rows).toHaveLength(comparison.length);
    for (const [i, row] of comparison.entries()) {
      const change = row.changeFromBaseline!;
      expect(table.rows[i]![0]).toBe(row.shortName);
      expect(table.rows[i]![1]).toContain(`${formatNumber(row.baseline!.value, row.decimals)} ${row.unit}`);
      expect(table.rows[i]![2]).toContain(`${formatNumber(row.current!.value, row.decimals)} ${row.unit}`);
      expect(table.rows[i]![3]).toContain(formatSigned(change.change, row.decimals));
      // The Progress verdict, with its threshold cited for the doctor (no internal provenance labels).
      expect(table.rows[i]![4]).toBe(judgedAgainst(row));
      expect(table.rows[i]![4]).toMatch(new RegExp(`^${verdictLabels[change.verdict]}: `));
    }
    // 380 → 455 m is +75 m: beyond the 6MWT threshold, so Improved.
    const walk = table.rows.find((r) => r[0] === '6MWT')!;
    expect(walk[3]).toContain('+75 m');
    expect(walk[4]).toMatch(/^Improved/);
    expect(letter.document.content.chart?.measureKey).toBe('six_minute_walk');
    expect(letter.document.content.chart?.points.map((p) => p.value)).toEqual([380, 455]);
    expect(letter.problems).toEqual([]);
  });

  it('addresses the patient plainly when the letter is to them', async () => {
    const letter = await call('letters.create', { patientId: c.patientId, type: 'reassessment' });
    // The patient has no address on record yet: the composer says so, and finalising is refused.
    const toPatient = await call('letters.saveDraft', {
      letterId: letter.id,
      subject: letter.document.content.subject,
      salutation: 'Dear Hoa,',
      closing: letter.document.content.closing,
      sections: letter.document.content.sections.map((s) => ({ key: s.key, heading: s.heading, text: s.text })),
      recipients: [{ contactId: null, isPatient: true, role: 'to' }],
    });
    expect(toPatient.problems.join(' ')).toMatch(/Hoa Nguyễn \(the patient\) has no address/);
    const refused = await refusal('letters.finalise', { letterId: letter.id });
    expect(refused.message).toMatch(/has no address/);
    expect((await call('letters.get', { letterId: letter.id })).status).toBe('draft');
    // A fresh draft with the patient as the main recipient reads in the second person.
    await call('intake.saveDetails', {
      patientId: c.patientId,
      givenName: 'Thị Hoa',
      familyName: 'Nguyễn',
      preferredName: 'Hoa',
      dateOfBirth: '1961-07-14',
      sex: 'female',
      mrn: 'RCH-L1',
      address: '4 River Lane\nRiverside NSW 2002',
    });
    const fresh = await call('letters.create', { patientId: c.patientId, type: 'reassessment' });
    const again = await call('letters.saveDraft', {
      letterId: fresh.id,
      subject: fresh.document.content.subject,
      salutation: fresh.document.content.salutation,
      closing: fresh.document.content.closing,
      sections: fresh.document.content.sections.map((s) => ({ key: s.key, heading: s.heading, text: s.text })),
      recipients: [{ contactId: null, isPatient: true, role: 'to' }],
    });
    expect(again.problems).toEqual([]);
  });

  it('refuses a reassessment letter for a patient with no assessments, naming why', async () => {
    const other = await seedLetterCase(call, {
      mrn: 'RCH-L2',
      givenName: 'Wiremu',
      familyName: 'Tāne',
      baselineOn: '2026-02-02',
      reassessedOn: '2026-04-27',
      assessments: false,
    });
    const error = await refusal('letters.create', { patientId: other.patientId, type: 'reassessment' });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/no finalised assessment/);
    expect((await call('letters.register', { patientId: other.patientId })).total).toBe(0);
  });
});

describe('what the oncologist reads', () => {
  const section = (
    letter: { document: { content: { sections: Array<{ key: string; text: string }> } } },
    key: string,
  ) => letter.document.content.sections.find((s) => s.key === key)?.text ?? '';

  it('before the clinic chooses a date format, writes dates as the window shows them (its locale)', async () => {
    t.ctx.displayLocale = 'en-AU';
    const sydney = await call('letters.create', { patientId: c.patientId, type: 'free', date: '2026-12-07' });
    expect(letterPlainText(sydney.document)).toContain('7 December 2026');
    t.ctx.displayLocale = 'en-US';
    const boston = await call('letters.create', { patientId: c.patientId, type: 'free', date: '2026-12-07' });
    expect(letterPlainText(boston.document)).toContain('December 7, 2026');
  });

  it('writes every date as the clinic’s date format says, and rounds the planned sessions', async () => {
    await call('display.setDateFormat', { format: { order: 'DMY', monthNames: false } });
    const cycle = (await call('exercises.list', {})).find((e) => e.name === 'Recumbent cycle')!;
    await call('plans.save', {
      patientId: c.patientId,
      sessionsPerWeek: 2,
      sessionMinutes: 45,
      items: [{ exerciseId: cycle.id, durationMin: 20, rpeMin: 11, rpeMax: 13 }],
    });
    const booking = await call('bookings.create', { patientId: c.patientId, date: '2026-03-03', startTime: '09:00' });
    await call('bookings.setAttendance', { sessionId: booking.sessionId, attendance: 'cancelled', reason: 'Unwell' });

    const letter = await call('letters.create', { patientId: c.patientId, type: 'reassessment', date: '2026-04-28' });
    const text = letterPlainText(letter.document);
    expect(text).toContain('28 April 2026');
    expect(text).toContain('born 14 July 1961');
    expect(section(letter, 'introduction')).toContain('from 2 February 2026 to 28 April 2026');
    // 2 a week over the 86 days from baseline is 24.57… sessions: printed as a whole number.
    expect(section(letter, 'attendance')).toContain('Against the plan of about 25 sessions, adherence was 0%.');
    expect(text).not.toMatch(/\d\.\d{3,}/);
    // No ISO date sits beside the spelled-out ones: table cells, chart labels, the lesion table.
    expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    const outcomes = letter.document.content.sections.find((s) => s.key === 'outcomes')!.table!;
    expect(outcomes.rows[0]![1]).toBe('380 m (2 Feb 2026)');
    const chart = letterBlocks(letter.document).find((b) => b.kind === 'chart');
    expect(chart?.kind === 'chart' && chart.dateLabels).toEqual(['2 Feb 2026', '27 Apr 2026']);

    const request = await call('letters.create', {
      patientId: c.patientId,
      type: 'guidance_request',
      date: '2026-04-28',
    });
    const lesions = request.document.content.sections.find((s) => s.key === 'bone')!.table!;
    expect(lesions.rows[1]![4]).toBe('2 February 2026');

    await call('display.setDateFormat', { format: { order: 'MDY', monthNames: false } });
    const american = await call('letters.create', { patientId: c.patientId, type: 'reassessment', date: '2026-04-28' });
    expect(letterPlainText(american.document)).toContain('born July 14, 1961');
    expect(letterPlainText(american.document)).toContain('April 28, 2026');
  });

  it('lists medicines under their headings, proposes tests and training from the restrictions, and ends with the reply slip', async () => {
    for (const [name, flags] of [
      ['Apixaban 5 mg', ['anticoagulant']],
      ['Insulin glargine', ['glucose_lowering']],
    ] as const) {
      await call('intake.saveMedication', { patientId: c.patientId, name, flags: [...flags] });
    }
    await call('intake.saveBoneLesion', {
      patientId: c.patientId,
      site: 'lumbar_spine',
      location: 'L3',
      weightBearing: 'full',
      sins: { pain: 'mechanical' },
    });
    await call('letters.saveLetterhead', {
      address: '1 Quay Street\nSydney NSW 2000',
      phone: '02 9000 0000',
      email: 'exercise@harbour.example',
      logo: null,
      paper: 'A4',
    });
    const request = await call('letters.create', { patientId: c.patientId, type: 'guidance_request' });

    expect(section(request, 'medications')).toMatch(/^Metoprolol 50 mg twice daily \(Beta-blocker\)\. Because/);
    expect(section(request, 'medications')).not.toMatch(/Apixaban|Insulin/);
    expect(section(request, 'medicationsBleeding')).toMatch(/^Apixaban 5 mg \(Anticoagulant\)\./);
    expect(section(request, 'medicationsGlucose')).toMatch(
      /^Insulin glargine \(Insulin, sulfonylurea or meglitinide\)\./,
    );
    // No corticosteroid or opioid: that heading is left out of the letter.
    expect(letterPlainText(request.document)).not.toContain('Other medicines relevant to exercise');

    const lesions = request.document.content.sections.find((s) => s.key === 'bone')!.table!;
    expect(lesions.rows.find((r) => r[0] === 'Lumbar spine, L3')![2]).toBe('SINS not yet scored');

    const planned = section(request, 'planned');
    expect(planned).toMatch(
      /^Testing at baseline, once .* checked: Handgrip strength and Edmonton Symptom Assessment System/,
    );
    expect(planned).toContain('Six-minute walk test (weight-bearing aerobic: restricted with the proximal femur');
    expect(planned).toContain('Training: supervised non-weight-bearing aerobic exercise such as cycling');
    expect(planned).toContain('Source: Galvão 2011 / Cormie 2013 site-based modular scheme');
    const bone = section(request, 'bone');
    expect(bone).toContain('(IBMEWG, Campbell et al., JCO Oncol Pract 2022)');
    expect(bone).toContain('as the site-based exercise scheme advises (Galvão 2011; Cormie 2013)');

    const blocks = letterBlocks(request.document);
    const last = blocks[blocks.length - 1]!;
    expect(last.kind).toBe('slip');
    expect(blocks.findIndex((b) => b.kind === 'signature')).toBeLessThan(blocks.length - 1);
    const signature = blocks.find((b) => b.kind === 'signature')!;
    expect(signature.kind === 'signature' && signature.lines.slice(0, 2)).toEqual([
      'Alex Morgan',
      'Clinical exercise physiologist',
    ]);
    expect(last.kind === 'slip' && last.returnTo).toEqual([
      'Alex Morgan, Clinical exercise physiologist',
      expect.any(String),
      '1 Quay Street',
      'Sydney NSW 2000',
      'Phone 02 9000 0000',
      'Email exercise@harbour.example',
    ]);
  });

  it('does not tell the doctor a home programme was given when nothing says so', async () => {
    await call('intake.changeStatus', {
      patientId: c.patientId,
      toStatus: 'discharged',
      effectiveOn: '2026-04-30',
      reason: 'Programme completed',
    });
    const letter = await call('letters.create', { patientId: c.patientId, type: 'discharge' });
    const text = letterPlainText(letter.document);
    expect(text).not.toMatch(/home programme/i);
    expect(section(letter, 'recommendations')).toMatch(/^We recommend that Hoa stays as active as symptoms allow/);
    expect(section(letter, 'recommendations')).toContain('Femoral lesion: no hip flexion/extension');
  });
});

describe('finalising, exporting and correcting', () => {
  it('stores the exact bytes with their SHA-256, re-exports them byte for byte, and refuses any edit', async () => {
    const draft = await call('letters.create', { patientId: c.patientId, type: 'reassessment' });
    const edited = 'Hoa now walks to the shops and back without a rest.';
    const sections = draft.document.content.sections.map((s) => ({
      key: s.key,
      heading: s.heading,
      text: s.key === 'goals' ? `${s.text}\n\n${edited}` : s.text,
    }));
    await call('letters.saveDraft', {
      letterId: draft.id,
      subject: draft.document.content.subject,
      salutation: draft.document.content.salutation,
      closing: draft.document.content.closing,
      sections,
      recipients: draft.document.recipients.map((r) => ({
        contactId: r.contactId,
        isPatient: r.isPatient,
        role: r.role,
      })),
    });
    const final = await call('letters.finalise', { letterId: draft.id });
    expect(final.status).toBe('final');
    expect(letterPlainText(final.document)).toContain(edited);
    const pdf1 = await call('letters.export', { letterId: draft.id, format: 'pdf' });
    const pdf2 = await call('letters.export', { letterId: draft.id, format: 'pdf' });
    const docx = await call('letters.export', { letterId: draft.id, format: 'docx' });
    expect(pdf1.sha256).toBe(final.pdfSha256);
    expect(pdf2.sha256).toBe(final.pdfSha256);
    expect(docx.sha256).toBe(final.docxSha256);
    const bytes = readFileSync(pdf1.path!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(bytes)).toBe(final.pdfSha256);
    expect(readFileSync(docx.path!).subarray(0, 2).toString()).toBe('PK');
    // Every file that leaves is in the trail: who, which letter, what file, where.
    const exported = t.ctx.sqlite
      .prepare(
        "SELECT actor_id AS actor, patient_id AS patientId, entity_id AS letterId, after_json AS after FROM audit_event WHERE entity = 'record_export' ORDER BY seq",
      )
      .all() as Array<{ actor: string; patientId: string; letterId: string; after: string }>;
    expect(exported).toHaveLength(3);
    for (const [i, file] of [pdf1, pdf2, docx].entries()) {
      expect(exported[i]).toMatchObject({
        actor: t.ctx.session.clinicianId,
        patientId: c.patientId,
        letterId: draft.id,
      });
      expect(JSON.parse(exported[i]!.after)).toMatchObject({
        kind: i === 2 ? 'letter_docx' : 'letter_pdf',
        file: file.fileName,
        path: file.path,
        sha256: file.sha256,
        status: 'final',
      });
    }

    const refused = await refusal('letters.saveDraft', {
      letterId: draft.id,
      subject: 'changed',
      salutation: '',
      closing: '',
      sections: [],
      recipients: [],
    });
    expect(refused.code).toBe('locked');
    // Not even a direct write gets past the database's own trigger.
    expect(() => t.ctx.sqlite.prepare("UPDATE letter SET content_json = '{}' WHERE id = ?").run(draft.id)).toThrow(
      /finalised letter cannot be changed/,
    );
    // The audit entry for finalising carries the hashes of the bytes.
    const entry = t.ctx.sqlite
      .prepare("SELECT after_json FROM audit_event WHERE entity = 'letter' AND action = 'finalise' AND entity_id = ?")
      .get(draft.id) as { after_json: string };
    expect(JSON.parse(entry.after_json)).toMatchObject({ pdfSha256: final.pdfSha256, docxSha256: final.docxSha256 });

    const correction = await call('letters.correct', { letterId: draft.id, reason: 'Wrong review date' });
    expect(correction).toMatchObject({ status: 'draft', version: 2, previousId: draft.id });
    expect((await call('letters.get', { letterId: draft.id })).correctedById).toBe(correction.id);
    expect(verifyAuditChain(t.ctx.sqlite).ok).toBe(true);
  });
});

describe('guidance requests and replies', () => {
  it('lists both lesions with their scores and the medicines that change the HR response, then closes the loop on reply', async () => {
    const request = await call('letters.create', { patientId: c.patientId, type: 'guidance_request' });
    const bone = request.document.content.sections.find((s) => s.key === 'bone')!;
    expect(bone.table!.rows.map((r) => r[0])).toEqual(['Proximal femur, left', 'Thoracic spine, T8']);
    expect(bone.table!.rows[0]![2]).toBe('Mirels 8 (Borderline)');
    expect(bone.text).toMatch(/imaging and bone-scan results/);
    const meds = request.document.content.sections.find((s) => s.key === 'medications')!.text;
    expect(meds).toMatch(/Metoprolol 50 mg twice daily \(Beta-blocker\)/);
    expect(letterPlainText(request.document)).toContain('No restrictions: may take part');

    // A reply slip with no return address is refused until the letterhead says where it goes.
    expect(request.problems).toEqual([expect.stringMatching(/^The reply slip has nowhere to be returned to/)]);
    expect((await refusal('letters.finalise', { letterId: request.id })).message).toMatch(/nowhere to be returned/);
    await call('letters.saveLetterhead', {
      address: '1 Quay Street',
      phone: null,
      email: null,
      logo: null,
      paper: 'A4',
    });
    expect((await call('letters.get', { letterId: request.id })).problems).toEqual([]);
    await call('letters.finalise', { letterId: request.id });
    let record = await call('intake.record', { patientId: c.patientId });
    expect(record.clearance.state).toBe('requested');
    await call('letters.recordSent', { letterId: request.id, method: 'fax', sentOn: '2026-05-01' });
    let summary = t.ctx.sqlite
      .prepare('SELECT guidance_awaiting_since AS since FROM caseload_summary WHERE patient_id = ?')
      .get(c.patientId) as { since: string | null };
    expect(summary.since).toBe('2026-05-01');
    expect((await call('letters.get', { letterId: request.id })).replyState).toBe('awaiting');
    expect((await call('caseload.list', { flag: 'reply_overdue' })).rows).toHaveLength(0);
    // Fifteen days on, the default 14-day wait (clinic policy) has passed.
    clock = new Date('2026-05-16T09:00:00Z');
    expect((await call('letters.get', { letterId: request.id })).replyState).toBe('overdue');
    const flagged = await call('caseload.list', { flag: 'reply_overdue' });
    expect(flagged.rows.map((r) => r.id)).toContain(c.patientId);

    const bad = await refusal('letters.recordReply', {
      letterId: request.id,
      receivedOn: '2026-05-09',
      decision: 'with_restrictions',
    });
    expect(bad.fields['restrictions']).toMatch(/Enter the restrictions/);
    const replied = await call('letters.recordReply', {
      letterId: request.id,
      receivedOn: '2026-05-09',
      decision: 'with_restrictions',
      restrictions: 'No loaded hip flexion on the left; RPE ≤ 13',
      reviewBy: '2026-11-09',
      attachment: {
        fileName: 'reply.pdf',
        mimeType: 'application/pdf',
        base64: Buffer.from('%PDF-1.4 scanned').toString('base64'),
      },
    });
    expect(replied.replyState).toBe('received');
    const scan = await call('letters.saveReplyAttachment', { replyId: replied.replies[0]!.id });
    expect(readFileSync(scan.path!).toString()).toBe('%PDF-1.4 scanned');
    const saved = t.ctx.sqlite
      .prepare(
        "SELECT actor_id AS actor, patient_id AS patientId, after_json AS after FROM audit_event WHERE entity = 'record_export' ORDER BY seq DESC",
      )
      .get() as { actor: string; patientId: string; after: string };
    expect(saved).toMatchObject({ actor: t.ctx.session.clinicianId, patientId: c.patientId });
    expect(JSON.parse(saved.after)).toMatchObject({
      kind: 'reply_attachment',
      file: 'reply.pdf',
      path: scan.path,
      letterId: request.id,
    });
    record = await call('intake.record', { patientId: c.patientId });
    expect(record.clearances[0]).toMatchObject({
      decision: 'with_restrictions',
      receivedOn: '2026-05-09',
      restrictions: 'No loaded hip flexion on the left; RPE ≤ 13',
      requestedFromName: 'Dr Ana Lima',
    });
    expect(record.clearances).toHaveLength(1);
    summary = t.ctx.sqlite
      .prepare('SELECT guidance_awaiting_since AS since FROM caseload_summary WHERE patient_id = ?')
      .get(c.patientId) as { since: string | null };
    expect(summary.since).toBeNull();
    expect((await call('caseload.list', { flag: 'reply_overdue' })).rows).toHaveLength(0);
    const register = await call('letters.register', {});
    expect(register.rows[0]).toMatchObject({ type: 'guidance_request', sentVia: 'Fax', replyState: 'received' });
  });
});

describe('templates and settings', () => {
  const withText = (text: string): LetterTemplate => ({
    ...builtInTemplates.reassessment,
    sections: builtInTemplates.reassessment.sections.map((s) => (s.key === 'goals' ? { ...s, text } : s)),
  });

  it('refuses an unknown or malformed merge field when the template is saved, and restores the built-in', async () => {
    const unknown = await refusal('letters.saveTemplate', {
      type: 'reassessment',
      template: withText('{{patient.nickname}}'),
    });
    expect(Object.values(unknown.fields).join(' ')).toMatch(/Unknown merge field \{\{patient\.nickname\}\}/);
    const malformed = await refusal('letters.saveTemplate', {
      type: 'reassessment',
      template: withText('{{#toPatient}}open'),
    });
    expect(Object.values(malformed.fields).join(' ')).toMatch(/not written correctly/);
    const saved = await call('letters.saveTemplate', {
      type: 'reassessment',
      template: withText('{{patient.preferredName}} reached {{goals.summary}}'),
    });
    expect(saved.templates.find((x) => x.type === 'reassessment')!.isBuiltIn).toBe(false);
    const letter = await call('letters.create', { patientId: c.patientId, type: 'reassessment' });
    expect(letter.document.content.sections.find((s) => s.key === 'goals')!.text).toMatch(/^Hoa reached /);
    const reset = await call('letters.resetTemplate', { type: 'reassessment' });
    expect(reset.templates.find((x) => x.type === 'reassessment')).toMatchObject({
      isBuiltIn: true,
      template: builtInTemplates.reassessment,
    });
  });

  it('refuses a signature that is not an image or is over 2 MB, and saves nothing', async () => {
    const text = await refusal('letters.saveSignatory', {
      signature: `data:image/png;base64,${Buffer.from('hello world, not a png').toString('base64')}`,
    });
    expect(text.fields['signature']).toMatch(/not a PNG or JPEG/);
    const huge = await refusal('letters.saveSignatory', {
      signature: `data:image/png;base64,${Buffer.alloc(2.2 * 1024 * 1024, 1).toString('base64')}`,
    });
    expect(huge.fields['signature']).toMatch(/larger than 2 MB/);
    expect((await call('letters.settings', {})).signatory.signature).toBeNull();
  });
});

describe('rendering in the worker', () => {
  it('renders a PDF with a Unicode name off the main thread', async () => {
    const letter = await call('letters.create', { patientId: c.patientId, type: 'free' });
    const bytes = await render({
      kind: 'letter-pdf',
      document: letter.document,
      createdAt: new Date().toISOString(),
      draft: false,
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5000);
  });
});
