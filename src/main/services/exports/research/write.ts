import { closeSync, openSync, writeSync } from 'node:fs';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { openSqlite } from '../../../db/connection';
import type { TaskProgress } from '../../../workers/maintenanceTasks';
import { csvCell } from '../caseloadCsv';
import { REDCAP_DICTIONARY_COLUMNS, dictionaryRows } from './dictionary';
import { RESEARCH_DATE_SHIFT_DAYS as DATE_SHIFT_DAYS } from '../../../../shared/contract/standardExports';
import { clinicMeasureForm, formColumns, researchForms, shiftBy, type CellValue, type ResearchForm } from './forms';

export interface ResearchSummary {
  patients: number;
  forms: number;
  rows: number;
  formNames: string[];
}

const line = (cells: readonly unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;

function cell(value: CellValue | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  throw new Error('A checkbox value reached a single column');
}

/**
 * The de-identified research set, written in the maintenance worker on a read-only connection of
 * its own, in one read transaction (one consistent moment): one CSV per form, the REDCap data
 * dictionary and a README, zipped into `output`. Patients without a study id (added after the
 * export began) are left out.
 */
export async function writeResearchExport(
  task: { caseloadPath: string; at: string; appVersion: string; output: string },
  report: (progress: TaskProgress) => void,
): Promise<ResearchSummary> {
  const sqlite = openSqlite(task.caseloadPath, { readonly: true, fileMustExist: true });
  const fd = openSync(task.output, 'w');
  try {
    sqlite.exec('BEGIN');
    const subjects = new Map(
      (
        sqlite.prepare('SELECT patient_id, study_id, date_offset_days FROM research_subject').all() as Array<{
          patient_id: string;
          study_id: string;
          date_offset_days: number;
        }>
      ).map((s) => [s.patient_id, { studyId: s.study_id, shift: shiftBy(s.date_offset_days) }]),
    );
    const custom = sqlite.prepare('SELECT id, name, unit FROM custom_measure ORDER BY created_at, id').all() as Array<{
      id: string;
      name: string;
      unit: string;
    }>;
    const forms: ResearchForm[] = [...researchForms, clinicMeasureForm(custom)];
    const counts = forms.map(
      (form) => (sqlite.prepare(`SELECT count(*) AS n FROM (${form.sql})`).get() as { n: number }).n,
    );
    const total = counts.reduce((a, b) => a + b, 0);
    let done = 0;
    report({ stage: 'Writing the research files', done, total });

    let failure: Error | null = null;
    const archive = new Zip((error, data) => {
      if (error) failure = error;
      else writeSync(fd, data);
    });
    const addFile = (name: string) => {
      const file = new ZipDeflate(name, { level: 6 });
      archive.add(file);
      return file;
    };
    let rows = 0;
    const listing: string[] = [];
    for (const form of forms) {
      const columns = formColumns(form);
      const checkboxes = new Map(
        form.fields
          .filter((f) => f.type === 'checkbox')
          .flatMap((f) => (f.choices ?? []).map(([code]) => [`${f.name}___${code}`, [f.name, code] as const])),
      );
      const file = addFile(`${form.name}.csv`);
      let chunk = line(columns);
      let n = 0;
      let patient: string | null = null;
      let instance = 0;
      for (const row of sqlite.prepare(form.sql).iterate() as IterableIterator<Record<string, unknown>>) {
        done += 1;
        const subject = subjects.get(String(row.patient_id));
        if (!subject) continue;
        instance = row.patient_id === patient ? instance + 1 : 1;
        patient = String(row.patient_id);
        const values = form.values(row, subject);
        chunk += line(
          columns.map((column) => {
            if (column === 'study_id') return subject.studyId;
            if (column === 'redcap_repeat_instrument') return form.name;
            if (column === 'redcap_repeat_instance') return instance;
            const box = checkboxes.get(column);
            if (box) return ((values[box[0]] as readonly string[] | null) ?? []).includes(box[1]) ? 1 : 0;
            return cell(values[column]);
          }),
        );
        n += 1;
        if (n % 500 === 0) {
          file.push(strToU8(chunk));
          chunk = '';
          report({ stage: `Writing ${form.label}`, done, total });
        }
      }
      file.push(strToU8(chunk), true);
      rows += n;
      listing.push(`${form.name}.csv\t${n} rows\t${form.label}${form.repeating ? ' (repeating instrument)' : ''}`);
      report({ stage: `Writing ${form.label}`, done, total });
    }
    const dictionary = addFile('data_dictionary.csv');
    dictionary.push(strToU8([REDCAP_DICTIONARY_COLUMNS, ...dictionaryRows(forms)].map(line).join('')), true);
    addFile('README.txt').push(strToU8(readme(task, subjects.size, listing)), true);
    archive.end();
    if (failure) throw failure;
    sqlite.exec('COMMIT');
    return { patients: subjects.size, forms: forms.length, rows, formNames: forms.map((f) => f.name) };
  } finally {
    closeSync(fd);
    sqlite.close();
  }
}

function readme(task: { at: string; appVersion: string }, patients: number, listing: string[]): string {
  return [
    'Pacewise de-identified research export',
    `Exported ${task.at.slice(0, 10)} by Pacewise ${task.appVersion}; ${patients} participants.`,
    '',
    'What was done to the data',
    '- Each patient is a random study id (study_id), kept in the caseload so that every export from it',
    '  gives the same patient the same id. Nothing else about the patient is in the id.',
    `- Every date of a patient is moved by one random number of days, ${DATE_SHIFT_DAYS.min} to ${DATE_SHIFT_DAYS.max} days earlier,`,
    '  chosen once per patient and kept in the caseload; it is never exported. Intervals between one',
    "  patient's dates are kept exactly; calendar dates, weekdays and seasons are not real.",
    '- The birth date is replaced by the age in completed years at the first referral; 90 means 90 or',
    '  older.',
    '- Not exported: names, MRNs, addresses, phone numbers, e-mail addresses, emergency contacts, care',
    '  team, free-text notes and descriptions, letters and their replies, Pacewise record ids, and who',
    '  recorded what. Fields Pacewise keeps only as free text (the primary cancer site, histology,',
    '  stage, medicine names) are left out for that reason.',
    '',
    'Importing into REDCap',
    '1. Upload data_dictionary.csv (Project Setup, Data Dictionary): one instrument per CSV file below,',
    '   with study_id as the record id on the first instrument, participant.',
    '2. Make every instrument but participant a repeating instrument (Project Setup, Optional modules).',
    '3. Import participant.csv first, then the other files (Data Import Tool); the repeating files carry',
    '   redcap_repeat_instrument and redcap_repeat_instance.',
    '',
    'Files (RFC 4180 CSV, UTF-8 without a byte-order mark, CRLF line ends; text in double quotes):',
    ...listing,
    'data_dictionary.csv\tREDCap data dictionary (18 columns) describing every column above',
    '',
  ].join('\r\n');
}
