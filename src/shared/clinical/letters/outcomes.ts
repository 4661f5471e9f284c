import type { ComparisonRow } from '../../contract/assessments';
import {
  formatNumber,
  formatSigned,
  incompleteLabel,
  placesBelow,
  startKindLabels,
  verdictLabels,
  withUnit,
  type ChangeThresholdKind,
  type ChangeVerdict,
} from '../measures';
import type { LetterTable } from './model';

/** What a verdict was judged against, in the words a doctor reading the letter would use. */
const thresholdNames: Record<ChangeThresholdKind, string> = {
  mcid: 'the MCID',
  mdc: 'the minimal detectable change',
  small_change: 'a small meaningful change',
  substantial_change: 'a substantial meaningful change',
  convention: 'the threshold',
};

interface Judged {
  change: ChangeVerdict;
  threshold: number;
  /** "the MCID", "the MCID for worsening", "the MDC"… */
  name: string;
  /** The change as printed: enough places that a change below the threshold never rounds up to it. */
  changeText: string;
}

/**
 * The threshold a row's change from baseline was judged against, read from the same figures the
 * verdict came from (verdictFor), or null when there was nothing to judge against.
 */
function judged(row: ComparisonRow): Judged | null {
  const change = row.changeFromBaseline;
  if (!change || !row.mcid || change.verdict === 'not_judged') return null;
  const towardBetter = row.better === 'higher' ? change.change > 0 : change.change < 0;
  const { value, declineValue, kind } = row.mcid;
  const asymmetric = declineValue != null && declineValue !== value;
  const threshold = towardBetter || change.change === 0 ? value : (declineValue ?? value);
  const name = `${thresholdNames[kind]}${asymmetric ? (towardBetter ? ' for improvement' : ' for worsening') : ''}`;
  const places = change.verdict === 'stable' ? placesBelow(change.change, threshold, row.decimals) : row.decimals;
  return { change, threshold, name, changeText: `${formatSigned(change.change, places)} ${row.unit}` };
}

const thresholdText = (row: ComparisonRow, j: Judged) =>
  withUnit(formatNumber(j.threshold, row.decimals), j.threshold, row.unit);

/**
 * A row's verdict and what it was judged against, for a reader outside the clinic: the kind of
 * threshold, its value and its published basis (`citation`), never the clinic's own provenance
 * labels, which stay on the Progress screen.
 */
export function judgedAgainst(row: ComparisonRow): string {
  const change = row.changeFromBaseline;
  if (!change) return 'One result so far';
  const label = verdictLabels[change.verdict];
  const j = judged(row);
  if (j && row.mcid) {
    const threshold = `${j.name} of ${thresholdText(row, j)} (${row.mcid.citation})`;
    if (change.change === 0) return `${label}: no change; ${threshold}`;
    return `${label}: change ${change.verdict === 'stable' ? 'smaller than' : 'at or beyond'} ${threshold}`;
  }
  if (!row.mcid) return `${label}: no published MCID; change shown only`;
  const partial = [row.baseline?.incomplete, row.current?.incomplete].filter((i) => i != null).map(incompleteLabel);
  if (partial.length > 0) {
    return `${label}: a total is ${partial.join(' and ')}, and the MCID applies to complete totals only`;
  }
  return `${label}: ${change.basis}`;
}

/**
 * The outcomes table of a letter: the same rows, values and verdicts as the Progress screen's
 * comparison (progressComparison → verdictFor), laid out as text, each verdict with its basis.
 */
export function outcomeTable(rows: readonly ComparisonRow[], formatDate: (date: string) => string): LetterTable {
  const value = (row: ComparisonRow, point: ComparisonRow['baseline']) =>
    point
      ? `${formatNumber(point.value, row.decimals)} ${row.unit}${point.incomplete ? `, ${incompleteLabel(point.incomplete)}` : ''} (${formatDate(point.date)})`
      : '—';
  return {
    columns: ['Measure', 'Baseline', 'Current', 'Change', 'Verdict, judged against'],
    rows: rows.map((row) => {
      const change = row.changeFromBaseline;
      const baselineLabel = row.baselineKind === 'first_recorded' ? `${startKindLabels.first_recorded}: ` : '';
      const changeText =
        judged(row)?.changeText ?? (change ? `${formatSigned(change.change, row.decimals)} ${row.unit}` : '');
      return [
        row.parent ? `  ${row.shortName}` : row.shortName,
        `${baselineLabel}${value(row, row.baseline)}`,
        change ? value(row, row.current) : '—',
        change
          ? `${changeText}${change.percentChange == null ? '' : ` (${formatSigned(change.percentChange, 1)}%)`}`
          : '—',
        judgedAgainst(row),
      ];
    }),
  };
}

/**
 * One sentence naming what changed and what each change was judged against (MCID, MDC or another
 * threshold), for the paragraph above the table; the table gives each threshold's source.
 */
export function outcomeSummary(rows: readonly ComparisonRow[]): string {
  const compared = rows.filter((r) => r.changeFromBaseline && !r.parent);
  if (compared.length === 0)
    return 'There is only one set of results so far; change will be reported at the next review.';
  const described = (verdict: string) =>
    compared.flatMap((row) => {
      const j = judged(row);
      if (!j || j.change.verdict !== verdict) return [];
      const against =
        j.change.change === 0
          ? 'no change'
          : `${j.changeText}, ${verdict === 'stable' ? 'smaller than' : 'at or beyond'} ${j.name} of ${thresholdText(row, j)}`;
      return [`${row.shortName} (${against})`];
    });
  const parts: string[] = [];
  const improved = described('improved');
  const stable = described('stable');
  const declined = described('declined');
  if (improved.length) parts.push(`improved on ${list(improved)}`);
  if (stable.length) parts.push(`were stable on ${list(stable)}`);
  if (declined.length) parts.push(`declined on ${list(declined)}`);
  if (parts.length === 0) return 'Changes are shown below; none could be judged against a published threshold.';
  const unjudged = compared.filter((r) => !judged(r)).map((r) => r.shortName);
  const rest = unjudged.length
    ? ` ${list(unjudged)} ${unjudged.length === 1 ? 'has' : 'have'} no threshold to judge against and ${unjudged.length === 1 ? 'is' : 'are'} shown as measured.`
    : '';
  return `Compared with baseline, results ${parts.join('; ')}.${rest} The table below names the source of each threshold.`;
}

export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
