import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../../contract/assessments';
import { compareSeries, measureCatalog, type MeasureDefinition, type MeasureKey } from '../measures';
import { judgedAgainst, outcomeSummary, outcomeTable } from './outcomes';

/** A Progress comparison row as progressComparison builds it (threshold view included). */
function rowOf(
  key: MeasureKey,
  from: number,
  to: number,
  incomplete?: { answered: number; of: number },
): ComparisonRow {
  const def: MeasureDefinition = measureCatalog[key];
  const compared = compareSeries(def, [
    { date: '2026-09-01', value: from, assessmentId: 'a1', kind: 'baseline' },
    { date: '2026-11-01', value: to, assessmentId: 'a2', kind: 'reassessment', incomplete: incomplete ?? null },
  ]);
  return {
    measureKey: def.key,
    name: def.name,
    shortName: def.shortName,
    unit: def.unit,
    decimals: def.decimals,
    better: def.better,
    parent: def.parent,
    ...compared,
    cutoffFlags: [],
    mcid: def.mcid
      ? {
          value: def.mcid.value,
          declineValue: def.mcid.declineValue ?? null,
          kind: def.mcid.kind,
          source: def.mcid.source,
          note: def.mcid.note ?? null,
          provenance: def.mcid.provenance ?? 'published',
          citation: def.mcid.citation ?? def.mcid.source,
        }
      : null,
    mcidGap: def.mcidGap,
  } as unknown as ComparisonRow;
}

describe("a letter's outcome table says what each verdict was judged against", () => {
  it('marks a partial ESAS-r total incomplete and reports it not judged, as the Progress screen does', () => {
    const [line] = outcomeTable([rowOf('esas_r', 45, 14, { answered: 7, of: 9 })], (d) => d).rows;
    expect(line![2]).toBe('14 points, incomplete (7 of 9 items) (2026-11-01)');
    expect(line![4]).toBe(
      'Not judged: a total is incomplete (7 of 9 items), and the MCID applies to complete totals only',
    );
  });

  it('gives the 6MWT threshold with its published range and source, not the clinic’s own label', () => {
    const [line] = outcomeTable([rowOf('six_minute_walk', 380, 455)], (d) => d).rows;
    expect(line![3]).toBe('+75 m (+19.7%)');
    expect(line![4]).toBe(
      'Improved: change at or beyond the threshold of 30 m (inside the MCID of 22–42 m reported in lung cancer, Granger 2015, Chron Respir Dis)',
    );
  });

  it('names an MDC as an MDC, and never prints "Source not verified" to the doctor', () => {
    // TUG 11.2 → 9.1 s: −2.1 s against the 1.1 s knee-OA MDC (Alghadir 2015), unverified on screen.
    const text = judgedAgainst(rowOf('timed_up_and_go', 11.2, 9.1));
    expect(text).toBe('Improved: change at or beyond the minimal detectable change of 1.1 s (Alghadir 2015, knee OA)');
  });

  it('prints a change just under the threshold with the places that keep it under (29.6, not 30)', () => {
    const [line] = outcomeTable([rowOf('six_minute_walk', 380, 409.6)], (d) => d).rows;
    expect(line![3]).toMatch(/^\+29\.6 m /);
    expect(line![4]).toMatch(/^Stable: change smaller than the threshold of 30 m \(/);
  });

  it('judges worsening on an asymmetric MCID against the worsening threshold (ESAS-r total, Hui 2016)', () => {
    expect(judgedAgainst(rowOf('esas_r', 20, 23))).toBe(
      'Stable: change smaller than the MCID for worsening of 4 points (Hui 2016, J Pain Symptom Manage)',
    );
    expect(judgedAgainst(rowOf('esas_r', 20, 24))).toMatch(
      /^Declined: change at or beyond the MCID for worsening of 4/,
    );
    expect(judgedAgainst(rowOf('esas_r', 20, 17))).toMatch(
      /^Improved: change at or beyond the MCID for improvement of 3/,
    );
  });

  it('says plainly when there was no change, and when a measure has no MCID', () => {
    expect(judgedAgainst(rowOf('five_times_sit_to_stand', 14, 14))).toBe(
      'Stable: no change; the MCID of 1.7 s (Jones 2013, Thorax, in COPD)',
    );
    expect(judgedAgainst(rowOf('sit_to_stand_30s', 10, 14))).toBe('Not judged: no published MCID; change shown only');
  });

  it('cites every built-in threshold without the clinic’s provenance labels', () => {
    for (const key of Object.keys(measureCatalog) as MeasureKey[]) {
      const def = measureCatalog[key];
      if (!def.mcid) continue;
      const step = def.mcid.value * 2 * (def.better === 'higher' ? 1 : -1);
      const start = (def.range.min + def.range.max) / 2;
      const text = judgedAgainst(rowOf(key, start, start + step));
      expect(text, key).toMatch(/^Improved: change at or beyond /);
      expect(text, key).not.toMatch(/Pacewise|not verified|unverified/i);
    }
  });
});

describe("a letter's outcome summary", () => {
  it('names the kind and value of each threshold rather than "the MCID" for all', () => {
    const text = outcomeSummary([
      rowOf('six_minute_walk', 380, 455),
      rowOf('timed_up_and_go', 11.2, 9.1),
      rowOf('handgrip', 20, 22),
      rowOf('sit_to_stand_30s', 10, 14),
    ]);
    expect(text).toBe(
      'Compared with baseline, results improved on 6MWT (+75 m, at or beyond the threshold of 30 m) and TUG (−2.1 s, at or beyond the minimal detectable change of 1.1 s); were stable on Grip (+2.0 kg, smaller than the MCID of 5.0 kg). 30s STS has no threshold to judge against and is shown as measured. The table below names the source of each threshold.',
    );
    expect(text).not.toMatch(/minimal clinically important difference/);
  });

  it('says when nothing could be judged, and when there is only one result', () => {
    expect(outcomeSummary([rowOf('sit_to_stand_30s', 10, 14)])).toBe(
      'Changes are shown below; none could be judged against a published threshold.',
    );
    const single = { ...rowOf('six_minute_walk', 380, 455), changeFromBaseline: null };
    expect(outcomeSummary([single])).toMatch(/^There is only one set of results so far/);
  });
});
