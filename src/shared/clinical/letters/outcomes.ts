import type { ComparisonRow } from '../../contract/assessments';
import {
  formatNumber,
  formatSigned,
  incompleteLabel,
  startKindLabels,
  thresholdProvenanceNotes,
  verdictLabels,
} from '../measures';
import type { LetterTable } from './model';

/**
 * The outcomes table of a letter: the same rows, values, verdicts and bases as the Progress
 * screen's comparison (progressComparison → verdictFor), only laid out as text.
 */
export function outcomeTable(rows: readonly ComparisonRow[], formatDate: (date: string) => string): LetterTable {
  const value = (row: ComparisonRow, point: ComparisonRow['baseline']) =>
    point
      ? `${formatNumber(point.value, row.decimals)} ${row.unit}${point.incomplete ? `, ${incompleteLabel(point.incomplete)}` : ''} (${formatDate(point.date)})`
      : '—';
  return {
    columns: ['Measure', 'Baseline', 'Current', 'Change', 'Verdict and basis'],
    rows: rows.map((row) => {
      const change = row.changeFromBaseline;
      const baselineLabel = row.baselineKind === 'first_recorded' ? `${startKindLabels.first_recorded}: ` : '';
      const provenance = row.mcid ? thresholdProvenanceNotes[row.mcid.provenance] : null;
      return [
        row.parent ? `  ${row.shortName}` : row.shortName,
        `${baselineLabel}${value(row, row.baseline)}`,
        change ? value(row, row.current) : '—',
        change
          ? `${formatSigned(change.change, row.decimals)} ${row.unit}${change.percentChange == null ? '' : ` (${formatSigned(change.percentChange, 1)}%)`}`
          : '—',
        change
          ? [`${verdictLabels[change.verdict]}: ${change.basis}`, provenance].filter(Boolean).join(' ')
          : 'One result so far',
      ];
    }),
  };
}

/** One sentence naming the measures that changed meaningfully, for the paragraph above the table. */
export function outcomeSummary(rows: readonly ComparisonRow[]): string {
  const judged = rows.filter((r) => r.changeFromBaseline && !r.parent);
  if (judged.length === 0)
    return 'There is only one set of results so far; change will be reported at the next review.';
  const named = (verdict: string) =>
    judged.filter((r) => r.changeFromBaseline!.verdict === verdict).map((r) => r.shortName);
  const parts: string[] = [];
  const improved = named('improved');
  const declined = named('declined');
  const stable = named('stable');
  if (improved.length) parts.push(`improved beyond the minimal clinically important difference on ${list(improved)}`);
  if (stable.length) parts.push(`stayed stable on ${list(stable)}`);
  if (declined.length) parts.push(`declined on ${list(declined)}`);
  if (parts.length === 0) return 'Changes are shown below; none could be judged against a published threshold.';
  return `Compared with baseline, results ${parts.join('; ')}. Each change is judged against the threshold named beside it.`;
}

export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
