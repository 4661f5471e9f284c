import type { ClinicDate } from '../../dates';
import type { LetterChart, LetterContent, LetterTable, LetterType, SectionInsert } from './model';
import { fillTemplate, type LetterTemplate, type MergeView } from './templates';

export interface DraftInputs {
  type: LetterType;
  date: ClinicDate;
  reference: string;
  template: LetterTemplate;
  view: MergeView;
  /** The structured blocks a section may carry, built from the record. */
  tables: Partial<Record<Exclude<SectionInsert, null | 'decision'>, LetterTable>>;
  chart: LetterChart | null;
}

/** A new letter's content: the clinic's template filled from the record. Pure, so it is unit-tested. */
export function draftContent(inputs: DraftInputs): LetterContent {
  const { template, view } = inputs;
  return {
    type: inputs.type,
    date: inputs.date,
    reference: inputs.reference,
    subject: fillTemplate(template.subject, view),
    salutation: fillTemplate(template.salutation, view),
    sections: template.sections.map((s) => ({
      key: s.key,
      heading: fillTemplate(s.heading, view),
      text: fillTemplate(s.text, view),
      insert: s.insert,
      table: s.insert === 'outcomes' || s.insert === 'lesions' ? (inputs.tables[s.insert] ?? null) : null,
    })),
    closing: fillTemplate(template.closing, view),
    chart: inputs.chart,
  };
}
