import type { ResearchField, ResearchForm } from './forms';

/** REDCap's data dictionary: its 18 columns, in its order and with its exact headings. */
export const REDCAP_DICTIONARY_COLUMNS = [
  'Variable / Field Name',
  'Form Name',
  'Section Header',
  'Field Type',
  'Field Label',
  'Choices, Calculations, OR Slider Labels',
  'Field Note',
  'Text Validation Type OR Show Slider Number',
  'Text Validation Min',
  'Text Validation Max',
  'Identifier?',
  'Branching Logic (Show field only if...)',
  'Required Field?',
  'Custom Alignment',
  'Question Number (surveys only)',
  'Matrix Group Name',
  'Matrix Ranking?',
  'Field Annotation',
] as const;

/** "code, Label | code, Label", as REDCap writes a field's choices. */
export const choicesText = (field: ResearchField) =>
  (field.choices ?? []).map(([code, label]) => `${code}, ${label}`).join(' | ');

/** One dictionary row per field, describing every column the CSV files hold. */
export function dictionaryRows(forms: ResearchForm[]): string[][] {
  return forms.flatMap((form) =>
    form.fields.map((field, index) => [
      field.name,
      form.name,
      index === 0 ? form.label : '',
      field.type,
      field.label,
      choicesText(field),
      field.note ?? '',
      field.validation ?? '',
      field.min === undefined ? '' : String(field.min),
      field.max === undefined ? '' : String(field.max),
      // Nothing exported identifies a person; REDCap's flag would mark fields to strip on its own exports.
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]),
  );
}
